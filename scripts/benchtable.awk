# Turns `go test -bench` output into the table `make bench` prints: one line per reported metric.
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 3; i + 1 <= NF; i += 2) {
		if ($(i + 1) == "ns/op") continue
		printf "| %-22s | %-18s | %14s |\n", name, $(i + 1), $i
	}
}
/^(ok|FAIL|---)/ { print > "/dev/stderr" }
