// Package deploy holds the deployment files; its test checks them.
package deploy
