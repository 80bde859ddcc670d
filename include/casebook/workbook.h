/* Reading the authority's YAML: reference lists from data/, and (see
 * module.h) the programme modules. The only place that knows YAML. */
#ifndef CASEBOOK_WORKBOOK_H
#define CASEBOOK_WORKBOOK_H

struct cb_diags;
struct cb_refdata;

/* Load every reference list from dir (roles.yaml, statuses.yaml,
 * codes.yaml, stages.yaml, rag.yaml, note-kinds.yaml) into ref. Every
 * problem goes to diags; returns 0 when there were none. */
int cb_refdata_load(const char *dir, struct cb_refdata *ref, struct cb_diags *diags);

#endif
