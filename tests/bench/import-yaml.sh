# SPDX-License-Identifier: MIT
# Sourced by tests/bench/bench.sh and tests/cli/import-memory.sh.
# import_yaml FROM TO: families FROM to TO in the import format, each with
# four members, an allocation and 30 notes (36 records a family); with
# the worker they are allocated to when FROM is 1. A family's ids come
# from its number, so the same numbers make the same records.
import_yaml() {
	awk -v from="$1" -v n="$2" 'function id(k, x) { return sprintf("%08x-0000-4000-8000-%012x", k, x) }
	BEGIN {
		w = id(1, 0)
		print "casebook: 1"
		if (from == 1) {
			print "workers:"
			printf "  - {id: %s, name: Import Worker, role: social-worker}\n", w
		}
		print "families:"
		for (f = from; f <= n; f++) {
			printf "  - id: %s\n    reference: \"IM-%06d\"\n", id(2, f), f
			printf "    name: Nguyễn family %d\n    by: %s\n    opened: 2026-01-05\n", f, w
			print "    members:"
			for (m = 1; m <= 4; m++)
				printf "      - {id: %s, name: Zoë Nguyễn %d, born: 201%d-02-03, role: %s}\n",
				    id(3, f * 8 + m), m, m, m <= 2 ? "parent" : "child"
			print "    allocations:"
			printf "      - {id: %s, worker: %s, role: social-worker, from: 2026-01-05}\n", id(4, f), w
			print "    notes:"
			for (k = 1; k <= 30; k++)
				printf "      - {id: %s, date: 2026-0%d-1%d, kind: home-visit, by: %s, text: Visited the family and talked about the week and the plan %d.}\n",
				    id(5, f * 64 + k), 1 + k % 9, k % 10, w, k
		}
	}'
}

# import_files DIR FROM TO PER: families FROM to TO in DIR, PER a file,
# the files named so that they sort in the families' order.
import_files() {
	_i=$2
	while [ "$_i" -le "$3" ]; do
		_to=$((_i + $4 - 1))
		[ "$_to" -gt "$3" ] && _to=$3
		import_yaml "$_i" "$_to" >"$1/import-$(printf %06d "$_i").yaml"
		_i=$((_to + 1))
	done
}
