//! The store server's wire decoder (issue 11): any bytes a client sends are answered with a
//! frame or an error, never a panic, and no frame over the size cap is read.
//!
//! A bounded run is part of `cargo test`; a longer one:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz fuzz_proto`.

use kinerja::server::proto::{
    self, FrameError, Hello, LoadHow, MAX_FRAME, MAX_HEADER, Request, ToClient, ToServer,
};
use proptest::prelude::*;

fn valid_messages() -> Vec<Vec<u8>> {
    let hello = ToServer::Hello(Hello {
        protocol: proto::PROTOCOL,
        version: proto::binary_version(),
        lang: "id".into(),
        pid: 42,
        live: true,
        doing: "tui".into(),
    });
    let call = ToServer::Call {
        id: 9,
        request: Request::LoadYear {
            year: 2025,
            how: LoadHow::Fresh,
        },
    };
    let grant = ToServer::Call {
        id: 10,
        request: Request::AccessGrant {
            who: "alice".into(),
            role: "operator".into(),
            unit: Some("KPKNL-PONTIANAK".into()),
        },
    };
    vec![
        proto::encode_frame(&hello, &[]),
        proto::encode_frame(&call, b"blob"),
        proto::encode_frame(&grant, &[]),
        proto::encode_frame(&ToServer::Bye, &[]),
    ]
}

/// Reads frames from `bytes` until an error; every outcome must be a clean one.
fn read_all(bytes: &[u8]) {
    let mut r = bytes;
    loop {
        match proto::read_frame::<ToServer>(&mut r) {
            Ok((_, blob)) => assert!(blob.len() <= MAX_FRAME),
            Err(FrameError::TooLarge(n)) => {
                assert!(n > MAX_FRAME);
                return;
            }
            Err(_) => return,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        read_all(&bytes);
        let _ = proto::decode_body::<ToServer>(bytes.clone());
        let _ = proto::decode_body::<ToClient>(bytes);
    }

    #[test]
    fn mutated_valid_frames_never_panic(
        which in 0usize..4,
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in any::<usize>(),
    ) {
        let mut frame = valid_messages()[which].clone();
        for (at, b) in flips {
            let i = at % frame.len();
            frame[i] = b;
        }
        let cut = cut % (frame.len() + 1);
        read_all(&frame[..cut]);
        read_all(&frame);
    }

    #[test]
    fn a_header_length_over_the_cap_is_refused(hlen in (MAX_HEADER as u32 + 1)..u32::MAX) {
        let mut body = hlen.to_be_bytes().to_vec();
        body.extend_from_slice(&[0; 16]);
        prop_assert!(matches!(
            proto::decode_body::<ToServer>(body),
            Err(FrameError::Malformed(_))
        ));
    }

    #[test]
    fn a_frame_length_over_the_cap_is_refused_before_reading(len in (MAX_FRAME as u32 + 1)..=u32::MAX) {
        let bytes = len.to_be_bytes();
        prop_assert!(matches!(
            proto::read_frame::<ToServer>(&mut &bytes[..]),
            Err(FrameError::TooLarge(_))
        ));
    }
}

#[test]
fn every_valid_frame_reads_back_and_every_truncation_is_an_error() {
    for frame in valid_messages() {
        let (_, _): (ToServer, Vec<u8>) = proto::read_frame(&mut &frame[..]).unwrap();
        for cut in 0..frame.len() {
            assert!(proto::read_frame::<ToServer>(&mut &frame[..cut]).is_err());
        }
    }
}
