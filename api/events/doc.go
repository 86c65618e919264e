// Package events holds the payloads of teilhabe's live events, generated from api/events.yaml
// (the contract of the websocket frames, described as a channel in api/asyncapi.yaml). The
// domain builds its event data from these types, so what is sent cannot drift from what the
// contract and the generated TypeScript types say. It imports only the standard library.
// Run `go generate ./api/...` (or `make generate`) after changing events.yaml.
package events

//go:generate go tool oapi-codegen -config oapi-codegen.yaml ../events.yaml
