/* SPDX-License-Identifier: MIT */
/* The floor for the first screen: what any curses program over SQLite
 * must do to show a page of families. It parses the programme's YAML
 * (about 200 KB), opens the database in WAL mode, reads 50 families and
 * draws them at 80x24 with ncursesw, then waits for a key.
 *   floor DB MODULES_DIR */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <dirent.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static size_t
parse_yaml(const char *path)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t p;
	yaml_event_t e;
	size_t events = 0;
	int done = 0;

	if (f == NULL)
		return 0;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	while (!done && yaml_parser_parse(&p, &e)) {
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		events++;
	}
	yaml_parser_delete(&p);
	fclose(f);
	return events;
}

int
main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	struct dirent *d;
	DIR *dir;
	size_t events = 0;
	int y = 2;

	if (argc != 3)
		return 2;
	setlocale(LC_ALL, "");
	dir = opendir(argv[2]);
	while (dir != NULL && (d = readdir(dir)) != NULL) {
		char path[4096];

		if (strstr(d->d_name, ".yaml") == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", argv[2], d->d_name);
		events += parse_yaml(path);
	}
	if (dir != NULL)
		closedir(dir);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return 1;
	sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(db, "SELECT reference, name FROM family_versions LIMIT 50", -1,
	                       &st, NULL) != SQLITE_OK)
		return 1;
	initscr();
	cbreak();
	noecho();
	mvprintw(0, 0, "floor: %zu YAML events", events);
	while (sqlite3_step(st) == SQLITE_ROW && y < 23)
		mvprintw(y++, 0, "%-14s %s", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
	mvprintw(23, 0, "floor ready");
	refresh();
	getch();
	endwin();
	sqlite3_finalize(st);
	sqlite3_close(db);
	return 0;
}
