# SPDX-License-Identifier: MIT
# Source after lib.sh: casebook's login checks go through pam_wrapper to a
# "casebook" PAM service that the test controls, so no real password is
# ever needed. pam_use permit|deny sets what the service answers, from the
# next start of casebook (pam_wrapper copies the files when it loads).
pam_wrapper_lib=$(for d in /usr/lib/*-linux-gnu /usr/lib64 /usr/lib; do
	[ -e "$d/libpam_wrapper.so" ] && { echo "$d/libpam_wrapper.so"; break; }
done)
[ -n "$pam_wrapper_lib" ] || fail "libpam_wrapper.so is missing: install libpam-wrapper"
mkdir -p "$work/pam.d"
# PAM looks for "other" when a check fails; without it, it complains.
printf 'auth required pam_deny.so\naccount required pam_deny.so\n' >"$work/pam.d/other"
pam_use() {
	printf 'auth required pam_%s.so\naccount required pam_permit.so\n' "$1" \
		>"$work/pam.d/casebook"
}
pam_use deny
E2E_ENV="LD_PRELOAD=$pam_wrapper_lib PAM_WRAPPER=1 PAM_WRAPPER_SERVICE_DIR=$work/pam.d"
# The sanitizer runtime must otherwise come first in the library list.
# pam_wrapper loads libpam with RTLD_DEEPBIND, which the sanitizer runtime
# refuses (it aborts the process), so the tests that need PAM run in the
# plain build only.
if [ -n "${ASAN_OPTIONS:-}" ]; then
	echo "SKIP: pam_wrapper's RTLD_DEEPBIND cannot run under the sanitizers"
	exit 77
fi
# pam_matrix LOGIN PASSWORD: the service knows one password, for one login
# (pam_wrapper's pam_matrix), so that a wrong and a right password can be
# tried in the same run.
pam_matrix() {
	matrix=$(dirname "$pam_wrapper_lib")/pam_wrapper/pam_matrix.so
	[ -e "$matrix" ] || fail "pam_matrix.so is missing: install libpam-wrapper"
	printf '%s:%s:casebook\n' "$1" "$2" >"$work/passdb"
	printf 'auth required %s passdb=%s\naccount required pam_permit.so\n' "$matrix" \
		"$work/passdb" >"$work/pam.d/casebook"
}
