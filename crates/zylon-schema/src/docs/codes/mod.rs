//! The documentation of every code, one file per area (the headings of `docs/codes.md`).

mod blocks;
mod envelopes;
mod generic;
mod mcp_servers;
mod media;
mod messages;
mod model;
mod other_blocks;
mod request;
mod streams;
mod structured_output;
mod system;
mod thinking;
mod tool_choice;
mod tool_context;
mod tools;

use super::CodeDoc;

/// Every area: its heading and its codes, in the order of `Code::ALL`.
pub(crate) const AREAS: &[(&str, &[CodeDoc])] = &[
    (generic::TITLE, generic::DOCS),
    (envelopes::TITLE, envelopes::DOCS),
    (request::TITLE, request::DOCS),
    (messages::TITLE, messages::DOCS),
    (blocks::TITLE, blocks::DOCS),
    (media::TITLE, media::DOCS),
    (other_blocks::TITLE, other_blocks::DOCS),
    (tools::TITLE, tools::DOCS),
    (tool_choice::TITLE, tool_choice::DOCS),
    (tool_context::TITLE, tool_context::DOCS),
    (structured_output::TITLE, structured_output::DOCS),
    (mcp_servers::TITLE, mcp_servers::DOCS),
    (system::TITLE, system::DOCS),
    (thinking::TITLE, thinking::DOCS),
    (streams::TITLE, streams::DOCS),
    (model::TITLE, model::DOCS),
];
