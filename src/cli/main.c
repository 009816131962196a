/* SPDX-License-Identifier: GPL-3.0-or-later */

/* flywheel-cli: the command-line verbs. Core only, so no GTK library is
 * loaded and no display is needed; bin/flywheel runs it for a verb. */

#include "config.h"

#include "fw-cli.h"
#include "fw-fonts.h"
#include "fw-i18n.h"

int
main (int    argc,
      char **argv)
{
  fw_i18n_init ();
  fw_fonts_pin ();
  return fw_cli_run (argc, argv);
}
