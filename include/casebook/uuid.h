/* SPDX-License-Identifier: MIT */
/* Record ids: random (version 4) UUIDs as lower-case text. */
#ifndef CASEBOOK_UUID_H
#define CASEBOOK_UUID_H

#include <stdbool.h>

#define CB_UUID_LEN 37 /* 36 characters and NUL */

void cb_uuid_new(char out[CB_UUID_LEN]);
bool cb_uuid_valid(const char *s);

#endif
