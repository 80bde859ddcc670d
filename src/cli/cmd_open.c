/* casebook with no command: the workbook screens. */
#include "config.h"

#include "casebook/cli.h"
#include "casebook/i18n.h"
#include "cli.h"

int cli_open_workbook(struct cli *c);

int
cli_open_workbook(struct cli *c)
{
	return cli_usage_error(c, _("give a command (the workbook screens are not in this build yet)"));
}
