package parse

import "flag"

// update rewrites the golden files of the package's tests instead of
// comparing with them: go test ./parse -update.
var update = flag.Bool("update", false, "rewrite golden files")
