// Package frontend embeds the built single-page app (frontend/dist, made by `npm run build`) into
// the binary. A clean checkout holds only dist/.gitkeep, so `go build` works before the first
// frontend build; the server then explains how to build it.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built app, rooted at dist/.
func Dist() fs.FS {
	f, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist/ is embedded at compile time
	}
	return f
}
