// Package domain is the heart of teilhabe: entities with validating constructors, their rules,
// the Store interfaces they need and their sentinel errors, one sub-package per bounded context.
// It imports neither echo nor gorm (domain_test.go checks it), so its rules are reachable from
// plain unit tests.
package domain
