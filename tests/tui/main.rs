//! Integration tests: tui. One binary, one module per area; shared helpers in tests/support.

#[path = "../support/mod.rs"]
mod support;

mod change_apply;
mod edit_rule;
mod keymap_load;
mod keymap_theme;
mod perf_recompute;
mod tui_addendum;
mod tui_detail_pause;
mod tui_hostile_text;
mod tui_input;
mod tui_numbers;
mod tui_order;
mod tui_partial;
mod tui_peta;
mod tui_peta_links;
mod tui_plan_views;
mod tui_render;
mod tui_render_en;
mod tui_round;
mod tui_round_tmux;
mod tui_server;
mod tui_store;
mod tui_tmux;
mod tui_update;
mod tui_views;
mod tui_vocabulary;
mod tui_worklist;
