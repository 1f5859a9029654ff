//! `kinerja access grant|revoke|list`: the store's access list (see `server::access`).

use clap::{Args, Subcommand};

use super::{CliResult, Context, refused, write_stdout};
use crate::server::access::describe;
use crate::server::proto::Request;
use crate::text::server as t;

#[derive(Args, Debug)]
pub struct AccessArgs {
    #[command(subcommand)]
    pub command: AccessCommand,
}

#[derive(Subcommand, Debug)]
pub enum AccessCommand {
    /// Beri peran / grant a role: USER|@GROUP ROLE [--unit CODE]
    Grant {
        who: String,
        role: String,
        /// Unit (beserta turunannya) / the unit and its descendants
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
    },
    /// Cabut peran / revoke roles: USER|@GROUP [ROLE] [--unit CODE]
    Revoke {
        who: String,
        role: Option<String>,
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
    },
    /// Tampilkan daftar akses / list the access list
    List,
}

pub fn run(ctx: &Context, a: &AccessArgs) -> CliResult {
    let client = ctx.connect(false, false)?;
    let request = match &a.command {
        AccessCommand::Grant { who, role, unit } => Request::AccessGrant {
            who: who.clone(),
            role: role.to_ascii_lowercase(),
            unit: unit.clone(),
        },
        AccessCommand::Revoke { who, role, unit } => Request::AccessRevoke {
            who: who.clone(),
            role: role.as_ref().map(|r| r.to_ascii_lowercase()),
            unit: unit.clone(),
        },
        AccessCommand::List => Request::AccessList,
    };
    let grants = client.access(request).map_err(refused)?;
    if grants.is_empty() {
        write_stdout(&format!("{}\n", t::ACCESS_EMPTY.s()))?;
        return Ok(());
    }
    let mut out = String::new();
    for g in &grants {
        let scope = g
            .unit
            .clone()
            .unwrap_or_else(|| t::EVERY_UNIT.s().to_string());
        let _ = describe(g);
        out.push_str(&format!("{}\t{}\t{scope}\n", g.who, g.role));
    }
    super::write_text(&out)?;
    Ok(())
}
