// Package planfile reads and writes plan files: the YAML a city edits to
// describe its strategy, and the JSON form of the same document that other
// programs read. Loading reports every problem at once with its line and
// column; a plan with errors is never returned.
package planfile
