// Package api holds teilhabe's HTTP contract: openapi.yaml, written first, and the types and
// echo server interface generated from it. Run `go generate ./api` after changing the contract.
package api

//go:generate go tool oapi-codegen -config oapi-codegen.yaml openapi.yaml
