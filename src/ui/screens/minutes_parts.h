/* SPDX-License-Identifier: MIT */
/* The family minutes screen, split in five: minutes.c (loading, the
 * clock, moving between parts), minutes_draw.c (what each part shows),
 * minutes_edit.c (what each part's keys do: attendance, last time's
 * actions, the discussion), minutes_series.c (stages and the rating) and
 * minutes_actions.c (new actions and addenda). Private to them. */
#ifndef CASEBOOK_UI_MINUTES_PARTS_H
#define CASEBOOK_UI_MINUTES_PARTS_H

#include "casebook/minute_taking.h"
#include "supervision.h"

struct cb_attendance;
struct cb_note;
struct cb_rating;
struct cb_store;

#define MP_PROFORMA "supervision"

/* The parts, in the proforma's order. Addenda only after sign-off. */
enum mp_part {
	MP_ATTEND,
	MP_REVIEW,
	MP_DISCUSS,
	MP_STAGES,
	MP_RISK,
	MP_REFLECT,
	MP_ACTIONS,
	MP_ADDENDA,
	MP_COUNT
};

/* The discussion fields, in order (section.field of the proforma). */
#define MP_N_DISCUSSION 3
extern const char *const mp_discussion_keys[MP_N_DISCUSSION];
#define MP_REFLECTION_KEY "risk.reflection"

/* One attendee: recorded, or allocated and not recorded yet. */
struct mp_att_row {
	char worker_id[CB_UUID_LEN];
	const char *name;                  /* borrowed */
	const char *role;                  /* borrowed; may be NULL */
	const struct cb_attendance *a;     /* NULL: not recorded */
	const struct cb_note *prepared;    /* a contribution written beforehand */
};

struct minutes {
	struct cb_store *store;            /* to keep the time when closed */
	char meeting_id[CB_UUID_LEN];
	char item_id[CB_UUID_LEN];
	char family_id[CB_UUID_LEN];
	struct cb_meeting *m;
	struct cb_meeting_item *item;
	struct cb_family *family;
	struct cb_vec people;              /* struct cb_person */
	struct cb_vec attendance;          /* struct cb_attendance */
	struct cb_vec allocations;         /* struct cb_allocation, current */
	struct cb_vec notes;               /* struct cb_note, contributions only */
	struct cb_vec rows;                /* struct mp_att_row */
	struct cb_vec pulled;              /* struct cb_action: to review */
	struct cb_vec answers;             /* struct cb_answer of this meeting */
	struct cb_vec records;             /* struct cb_stage_record, oldest first */
	struct cb_vec lines;               /* struct cb_stage_line */
	struct cb_vec ratings;             /* struct cb_rating, oldest first */
	const struct cb_rating *before;    /* the rating as it stood */
	const struct cb_rating *today;     /* the rating agreed here */
	struct cb_vec agreed;              /* struct cb_action agreed here */
	struct cb_vec addenda;             /* struct cb_addendum */
	struct cb_date prev;               /* the family's meeting before this */
	enum mp_part part;
	struct ui_list list[MP_COUNT];
	struct cb_timer timer;
	bool started;
};

/* Addenda show once the minutes are signed, or when there are some. */
bool mp_part_shown(const struct minutes *s, int part);
void mp_reload(struct ui_app *app, struct ui_screen *scr);
int mp_save_clock(struct cb_store *store, struct minutes *s, struct cb_err *err);
void mp_draw(struct ui_app *app, struct ui_screen *scr, int top, int bottom);
/* A key for the part on show. */
int mp_part_key(struct ui_app *app, struct ui_screen *scr, enum ui_action action);

/* Shared by the key handlers. */
struct cb_action;
bool mp_writable(struct ui_app *app, const struct minutes *s);
void mp_show_text(struct ui_app *app, struct ui_screen *scr, const char *title, const char *text);
void mp_open_stage(struct ui_app *app, struct ui_screen *scr);
void mp_confirm_stage(struct ui_app *app, struct ui_screen *scr);
void mp_add_stage(struct ui_app *app, struct ui_screen *scr);
void mp_agree_rating(struct ui_app *app, struct ui_screen *scr, bool keep);
void mp_series_history(struct ui_app *app, struct ui_screen *scr);
/* Retract the stage selected, or the rating, agreed in this meeting. */
void mp_retract_series(struct ui_app *app, struct ui_screen *scr);
void mp_show_action(struct ui_app *app, struct ui_screen *scr, const struct cb_action *a);
/* Agree a new action (current NULL) or correct one agreed here. */
void mp_edit_action(struct ui_app *app, struct ui_screen *scr, const struct cb_action *current);
void mp_retract_action(struct ui_app *app, struct ui_screen *scr);
void mp_action_history(struct ui_app *app, struct ui_screen *scr);
void mp_addendum(struct ui_app *app, struct ui_screen *scr);

/* Shared by drawing and editing. */
const struct cb_answer *mp_answer(const struct minutes *s, const char *key);
const struct cb_field *mp_field(struct ui_app *app, const char *key);
const char *mp_field_label(struct ui_app *app, const char *key);
const char *mp_stage_name(struct ui_app *app, const char *stage);
const char *mp_part_name(int part);
const char *mp_attendance_word(const char *status);

#endif
