package atlas

// ImportStore keeps imports: their files' facts, mappings, problems, progress, and the values
// they replaced, so that they can be undone. (Filled in with the import use cases.)
type ImportStore interface{}
