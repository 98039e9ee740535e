// Package fill builds Go values from fuzz input for the tests of reply and
// render: every exported field of a struct, list and pointer reachable from
// the value is set from the input's bytes, so that the same bytes always
// give the same value, and a field of a kind it cannot fill is an error, so
// that a field added to the model is not skipped in silence. It imports
// nothing of the module and is used by tests only.
package fill
