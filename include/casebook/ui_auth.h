/* SPDX-License-Identifier: MIT */
/* Checking a login's own password, through PAM (service "casebook", as
 * vlock and physlock do it), for the idle lock and for acts that need a
 * particular person present, such as the chair's sign-off. */
#ifndef CASEBOOK_UI_AUTH_H
#define CASEBOOK_UI_AUTH_H

struct cb_err;

#define CB_PAM_SERVICE "casebook"

/* 0 when PAM accepts password for login; else CB_EPERM with a line that
 * says so (CB_ENOTFOUND when there is no such login). */
int cb_auth_check(const char *login, const char *password, struct cb_err *err);

#endif
