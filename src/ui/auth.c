/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <dlfcn.h>
#include <pwd.h>
#include <security/pam_appl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/ui_auth.h"
#include "casebook/err.h"
#include "casebook/i18n.h"

/* PAM is loaded when a password is first checked, not at every start:
 * it brings libaudit and libcap-ng, about 0.4 MiB and half a millisecond
 * that most starts never use. The functions are looked up in the global
 * scope, so that a PAM loaded before it (pam_wrapper in the tests) is the
 * one called, as when it was linked. */
static struct {
	__typeof__(pam_start) *start;
	__typeof__(pam_authenticate) *authenticate;
	__typeof__(pam_acct_mgmt) *acct_mgmt;
	__typeof__(pam_end) *end;
	__typeof__(pam_strerror) *strerror;
} pam;

static int
pam_load(struct cb_err *err)
{
	static bool loaded;
	void *sym;

	if (loaded)
		return 0;
	if (dlopen(CB_LIBPAM_SONAME, RTLD_NOW | RTLD_GLOBAL) == NULL)
		return cb_err_set(err, CB_EPERM,
		                  _("the login check needs PAM (%s, in Debian's libpam0g "
		                    "package): %s"), CB_LIBPAM_SONAME, dlerror());
	/* dlsym's object pointer is copied into each function pointer
	 * (POSIX guarantees the two have the same representation). */
#define PAM_FIND(slot)                                                           \
	if ((sym = dlsym(RTLD_DEFAULT, "pam_" #slot)) == NULL)                     \
		return cb_err_set(err, CB_EPERM, _("%s has no %s: %s"), CB_LIBPAM_SONAME, \
		                  "pam_" #slot, dlerror());                            \
	memcpy(&pam.slot, &sym, sizeof sym);
	PAM_FIND(start)
	PAM_FIND(authenticate)
	PAM_FIND(acct_mgmt)
	PAM_FIND(end)
	PAM_FIND(strerror)
#undef PAM_FIND
	loaded = true;
	return 0;
}

/* PAM asks; we answer with the login for an echoed prompt and the
 * password for a hidden one. Messages are not shown: the screen says what
 * matters in its own words. */
static int
converse(int n, const struct pam_message **msg, struct pam_response **resp, void *data)
{
	const char *const *answers = data; /* login, password */
	struct pam_response *r;
	int i;

	if (n <= 0 || n > PAM_MAX_NUM_MSG)
		return PAM_CONV_ERR;
	r = calloc((size_t)n, sizeof *r);
	if (r == NULL)
		return PAM_BUF_ERR;
	for (i = 0; i < n; i++) {
		const char *a = NULL;

		switch (msg[i]->msg_style) {
		case PAM_PROMPT_ECHO_ON: a = answers[0]; break;
		case PAM_PROMPT_ECHO_OFF: a = answers[1]; break;
		default: break;
		}
		if (a != NULL && (r[i].resp = strdup(a)) == NULL)
			goto fail;
	}
	*resp = r;
	return PAM_SUCCESS;
fail:
	for (i = 0; i < n; i++) {
		if (r[i].resp != NULL) {
			explicit_bzero(r[i].resp, strlen(r[i].resp));
			free(r[i].resp);
		}
	}
	free(r);
	return PAM_BUF_ERR;
}

int
cb_auth_check(const char *login, const char *password, struct cb_err *err)
{
	const char *answers[2];
	struct pam_conv conv;
	pam_handle_t *h = NULL;
	int rc;

	if (login == NULL || *login == '\0' || getpwnam(login) == NULL)
		return cb_err_set(err, CB_ENOTFOUND, _("there is no login called '%s' on this computer"),
		                  login != NULL ? login : "");
	if (pam_load(err) != 0)
		return -1;
	answers[0] = login;
	answers[1] = password != NULL ? password : "";
	conv.conv = converse;
	conv.appdata_ptr = (void *)answers;
	rc = pam.start(CB_PAM_SERVICE, login, &conv, &h);
	if (rc != PAM_SUCCESS)
		return cb_err_set(err, CB_EPERM, _("the login check could not start: %s"),
		                  pam.strerror(h, rc));
	rc = pam.authenticate(h, PAM_DISALLOW_NULL_AUTHTOK);
	if (rc == PAM_SUCCESS)
		rc = pam.acct_mgmt(h, 0);
	if (rc != PAM_SUCCESS)
		cb_err_set(err, CB_EPERM, _("that is not the password of %s"), login);
	pam.end(h, rc);
	return rc == PAM_SUCCESS ? 0 : -1;
}
