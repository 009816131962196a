/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <stdio.h>

#include "fw-cli.h"
#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-report.h"

/* The same as the entry in fw-cli.c's table, which this file cannot see. */
static const FwCliVerb report_verb = {
  "report", N_("FILE -o OUT.pdf [--lang en|ja] [--paper a4|letter]"),
  N_("Write the homework report as PDF: cover, portfolio, every idea and case"), fw_cli_report
};

/* flywheel report FILE -o OUT.pdf [--lang en|ja] [--paper a4|letter] */
int
fw_cli_report (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (&report_verb);
  /* --lang: this thread's messages, until the verb returns. */
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *paper = NULL;
  FwReportOptions options;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to OUT"),
      N_("OUT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Write the report in this language: en or ja"),
      N_("LANG") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 or letter (default: a4)"),
      N_("PAPER") },
    { NULL }
  };

  if (!fw_cli_parse_args (context, entries, &argc, &argv,
                          _("report takes exactly one FILE")))
    return 2;
  if (output == NULL)
    {
      fw_cli_error ("%s", _("report needs -o OUT.pdf"));
      return 2;
    }
  fw_report_options_init (&options);
  if (paper && !fw_paper_from_id (paper, &options.paper))
    {
      fw_cli_error (_("unknown paper “%s”: use a4 or letter"), paper);
      return 2;
    }
  if (!fw_cli_check_language (lang))
    return 2;
  /* Before anything is translated. */
  if (lang)
    scope = fw_i18n_scope_push (lang);
  if (!fw_cli_check_extension ("report", output, (const char *[]) { ".pdf", NULL }))
    return 2;
  /* Before the report is drawn, which takes a while. */
  if (!fw_cli_check_output_folder (output))
    return 1;

  file = g_file_new_for_commandline_arg (argv[1]);
  workbook = fw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  out = g_file_new_for_commandline_arg (output);
  if (!fw_report_write (workbook, out, &options, NULL, NULL, NULL, &error))
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }
  return 0;
}
