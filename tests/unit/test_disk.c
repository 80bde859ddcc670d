/* SPDX-License-Identifier: MIT */
/* The disk-encryption check, on fake /proc/self/mountinfo and /sys/block
 * trees: dm-crypt directly, LVM on LUKS, a plain partition, a file system
 * with no device number (btrfs, by /dev/mapper name), tmpfs, and the
 * longest mount point winning. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/cli/cli.h"
#include "testutil.h"

static char *root;

static void
put(const char *rel, const char *text)
{
	char *path = tu_path(root, rel), *p;

	for (p = path + strlen(root) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	tu_write(path, text, strlen(text));
	free(path);
}

static void
dir(const char *rel)
{
	char *path = tu_path(root, rel), *p;

	for (p = path + strlen(root) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	mkdir(path, 0700);
	free(path);
}

static void
setup(void)
{
	root = tu_tmpdir();
	put("proc/self/mountinfo",
	    "26 1 253:1 / / rw,relatime shared:1 - ext4 /dev/mapper/vg-root rw\n"
	    "30 26 8:2 / /data rw,relatime shared:2 - ext4 /dev/sda2 rw\n"
	    "31 26 0:40 / /tmp rw - tmpfs tmpfs rw\n"
	    "32 30 253:0 / /data/secure rw - ext4 /dev/mapper/luks-1 rw\n"
	    "33 26 0:45 /@home /home rw - btrfs /dev/mapper/luks-2 rw\n"
	    "34 26 0:46 / /mnt/with\\040space rw - btrfs /dev/mapper/plain-lv rw\n");
	/* dm-0: LUKS; dm-1: LVM on dm-0; dm-2: LUKS (btrfs); dm-3: LVM on sda3. */
	put("sys/block/dm-0/dev", "253:0\n");
	put("sys/block/dm-0/dm/uuid", "CRYPT-LUKS2-0123456789abcdef-luks-1\n");
	put("sys/block/dm-0/dm/name", "luks-1\n");
	put("sys/block/dm-1/dev", "253:1\n");
	put("sys/block/dm-1/dm/uuid", "LVM-abcdef\n");
	put("sys/block/dm-1/dm/name", "vg-root\n");
	dir("sys/block/dm-1/slaves/dm-0");
	put("sys/block/dm-2/dev", "253:2\n");
	put("sys/block/dm-2/dm/uuid", "CRYPT-LUKS2-fedcba-luks-2\n");
	put("sys/block/dm-2/dm/name", "luks-2\n");
	put("sys/block/dm-3/dev", "253:3\n");
	put("sys/block/dm-3/dm/uuid", "LVM-plain\n");
	put("sys/block/dm-3/dm/name", "plain-lv\n");
	dir("sys/block/dm-3/slaves/sda3");
	put("sys/block/sda/dev", "8:0\n");
	put("sys/block/sda2/dev", "8:2\n");
}

static void
teardown(void)
{
	tu_rmtree(root);
	free(root);
}

static enum cli_disk
check(const char *path, char *dev)
{
	return cli_disk_check(root, path, dev, 256);
}

START_TEST(encrypted_and_not)
{
	char dev[256];

	/* LVM on LUKS: the root file system. */
	ck_assert_int_eq(check("/home2/x", dev), CLI_DISK_ENCRYPTED);
	ck_assert_str_eq(dev, "/dev/mapper/vg-root");
	/* A plain partition, and a LUKS mount inside it (the longest wins). */
	ck_assert_int_eq(check("/data/casebook", dev), CLI_DISK_PLAIN);
	ck_assert_str_eq(dev, "/dev/sda2");
	ck_assert_int_eq(check("/data/secure/casebook", dev), CLI_DISK_ENCRYPTED);
	ck_assert_int_eq(check("/data/securement", dev), CLI_DISK_PLAIN);
	/* btrfs: no device number, found by its /dev/mapper name. */
	ck_assert_int_eq(check("/home/pat/.local/share/casebook", dev), CLI_DISK_ENCRYPTED);
	ck_assert_int_eq(check("/mnt/with space/db", dev), CLI_DISK_PLAIN);
	/* tmpfs: nothing to go on. */
	ck_assert_int_eq(check("/tmp/scratch", dev), CLI_DISK_UNKNOWN);
}
END_TEST

START_TEST(no_tree)
{
	char dev[256];
	char *none = tu_path(root, "nothing-here");

	ck_assert_int_eq(cli_disk_check(none, "/", dev, sizeof dev), CLI_DISK_UNKNOWN);
	free(none);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("disk");
	TCase *tc = tcase_create("disk");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, encrypted_and_not);
	tcase_add_test(tc, no_tree);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
