// Package domain is the heart of teilhabe: one sub-package per bounded context with its entities
// (validating constructors), rules, the Service of its use cases, the Store interfaces it needs
// and its errors (declared with kinds and codes in domain/kernel). It imports neither echo nor gorm.
package domain
