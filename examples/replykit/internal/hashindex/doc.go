// Package hashindex maps keys — 16 bytes of a cryptographic hash — to
// values of a fixed size, holding a bounded number of entries in memory
// and the rest on disk, so that a walk over tens of millions of web
// archive records can remember each of them in a heap that stays flat.
//
// The entries past the memory bound are written in sorted runs, each
// with a Bloom filter and a sparse index kept in memory (about 1.5
// bytes an entry): a lookup reads at most one small block of each run
// whose filter lets the key through. Runs of one size are merged into
// one of the next, so a lookup meets a few runs of each size.
package hashindex
