// Package viewer holds the browser viewer's static files, embedded in the
// binary: the page, its script and style, and the vendored Cytoscape.js
// (assets/vendor, refreshed from npm with vendor.sh; see README.md). The
// api package serves them at / and /viewer/; nothing is fetched from a CDN
// at run time.
package viewer

import (
	"embed"
	"io/fs"
)

//go:embed assets
var files embed.FS

// Assets returns the viewer's files, rooted at the assets folder:
// index.html, app.js, viewer.css, vendor/cytoscape.min.js, ...
func Assets() fs.FS {
	sub, err := fs.Sub(files, "assets")
	if err != nil {
		panic("viewer: embedded assets folder missing: " + err.Error())
	}
	return sub
}
