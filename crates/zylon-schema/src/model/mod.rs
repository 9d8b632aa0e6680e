//! The wire types of the Workspace chat API.
