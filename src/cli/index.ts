/** src/cli, as the rest of src/ sees it (docs/development.md, "Layers"). The command line. Re-exports only. */
