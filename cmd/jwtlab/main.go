// Command jwtlab teaches how JSON Web Tokens work and takes real tokens
// apart, in a terminal UI and in plain subcommands for scripts.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], newStdio()))
}
