package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// interruptContext returns a context that the first interrupt (Ctrl-C) or
// SIGTERM cancels: the run stops taking pages, the pages in progress stop
// at their next check, and the report of what was done is written. A
// second interrupt ends the process at once, with status exitRun and no
// report. No output is ever half-written, since every file is written
// under a temporary name first; the next run removes the temporary files.
// stop releases the signals.
func interruptContext(stderr io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "replykit: interrupted: stopping after the pages in progress and writing the report; interrupt again to stop at once")
		cancel()
		select {
		case <-signals:
			fmt.Fprintln(stderr, "replykit: interrupted again: stopped at once, without a report; no output is half-written, and the next run removes the temporary files")
			os.Exit(exitRun)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(signals)
		close(done)
		cancel()
	}
}
