/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <stdio.h>

#include "fw-cli.h"
#include "fw-core.h"
#include "fw-export.h"
#include "fw-i18n.h"

/* The same as the entry in fw-cli.c's table, which this file cannot see. */
static const FwCliVerb export_verb = {
  "export", N_("FILE [--idea N|--case N] -o OUT.png|OUT.pdf|OUT.svg"),
  N_("Draw an idea’s or a case’s flywheel as PNG, PDF or SVG"), fw_cli_export
};

/* --idea and --case when not given: 0 and negative numbers are refused. */
#define NOT_GIVEN G_MININT

/* Refuses 0 and negative numbers: ideas and cases are counted from 1, as the
 * window shows them, and --idea 0 once drew idea 1. */
static gboolean
check_number (const char *option,
              int         n)
{
  if (n == NOT_GIVEN || n >= 1)
    return TRUE;
  /* TRANSLATORS: "--idea 0: ideas and cases are counted from 1" */
  fw_cli_error (_("%s %d: ideas and cases are counted from 1"), option, n);
  return FALSE;
}

/* flywheel export FILE [--idea N|--case N] [--format png|pdf|svg] -o OUT.png|OUT.pdf|OUT.svg
 *                 [--width PX --height PX --scale N --theme light|dark --lang en|ja] */
int
fw_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (&export_verb);
  /* --lang: this thread's messages, until the verb returns. */
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(FwFlywheelInput) input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_id = NULL;
  g_autofree char *theme_id = NULL;
  g_autofree char *lang = NULL;
  int idea_n = NOT_GIVEN, case_n = NOT_GIVEN;
  int width = FW_EXPORT_DEFAULT_WIDTH, height = FW_EXPORT_DEFAULT_HEIGHT, scale = 1;
  g_autofree char *width_help = NULL;
  g_autofree char *height_help = NULL;
  gboolean no_legend = FALSE;
  FwExportOptions options;
  FwExportFormat format;
  FwDiagramTheme theme = FW_DIAGRAM_THEME_LIGHT;
  GOptionEntry entries[] = {
    { "idea", 0, 0, G_OPTION_ARG_INT, &idea_n,
      N_("Draw the Nth idea, counting from 1 in file order (default: 1)"), N_("N") },
    { "case", 0, 0, G_OPTION_ARG_INT, &case_n,
      N_("Draw the Nth best-practice case instead"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_id,
      N_("png, pdf or svg (default: from OUT’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the diagram to OUT"), N_("OUT") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, NULL, N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, NULL, N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale,
      N_("Pixels per PNG pixel, for high-resolution screens (default: 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_id, N_("light or dark (default: light)"),
      N_("THEME") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Label the diagram in this language: en or ja"), N_("LANG") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend, N_("Leave out the legend"), NULL },
    { NULL }
  };

  /* The defaults in the help come from the one place they are kept. */
  /* TRANSLATORS: the help of export's --width; %d is the default */
  width_help = g_strdup_printf (_("Width in pixels (default: %d)"), FW_EXPORT_DEFAULT_WIDTH);
  /* TRANSLATORS: the help of export's --height; %d is the default */
  height_help = g_strdup_printf (_("Height in pixels (default: %d)"), FW_EXPORT_DEFAULT_HEIGHT);
  for (GOptionEntry *e = entries; e->long_name; e++)
    if (e->arg_data == &width)
      e->description = width_help;
    else if (e->arg_data == &height)
      e->description = height_help;

  if (!fw_cli_parse_args (context, entries, &argc, &argv,
                          _("export takes exactly one FILE")))
    return 2;
  if (output == NULL)
    {
      fw_cli_error ("%s", _("export needs -o OUT"));
      return 2;
    }
  if (idea_n != NOT_GIVEN && case_n != NOT_GIVEN)
    {
      fw_cli_error ("%s", _("give --idea or --case, not both"));
      return 2;
    }
  if (!check_number ("--idea", idea_n) || !check_number ("--case", case_n))
    return 2;
  if (format_id && !fw_export_format_from_id (format_id, &format))
    {
      fw_cli_error (_("unknown format “%s”: use png, pdf or svg"), format_id);
      return 2;
    }
  /* The extension says what the file is, so it must be the format's. */
  if (format_id)
    {
      g_autofree char *extension = g_strconcat (".", format_id, NULL);
      g_autofree char *verb = g_strconcat ("export --format ", format_id, NULL);

      if (!fw_cli_check_extension (verb, output, (const char *[]) { extension, NULL }))
        return 2;
    }
  else if (!fw_cli_check_extension ("export", output,
                                    (const char *[]) { ".png", ".pdf", ".svg", NULL }))
    return 2;
  else
    fw_export_format_from_filename (output, &format);
  if (theme_id && !fw_diagram_theme_from_id (theme_id, &theme))
    {
      fw_cli_error (_("unknown theme “%s”: use light or dark"), theme_id);
      return 2;
    }
  if (!fw_cli_check_language (lang))
    return 2;
  /* Before any label is translated. */
  if (lang)
    scope = fw_i18n_scope_push (lang);
  /* Before the workbook is read and the diagram drawn. */
  if (!fw_cli_check_output_folder (output))
    return 1;

  file = g_file_new_for_commandline_arg (argv[1]);
  workbook = fw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  if (case_n != NOT_GIVEN)
    {
      if ((guint) case_n > fw_workbook_get_n_cases (workbook))
        {
          fw_cli_error (_("%s has no case %d (it has %u)"), argv[1], case_n,
                        fw_workbook_get_n_cases (workbook));
          return 1;
        }
      input = fw_flywheel_input_new_for_case (fw_workbook_get_case (workbook, case_n - 1));
    }
  else
    {
      if (idea_n == NOT_GIVEN)
        idea_n = 1;
      if ((guint) idea_n > fw_workbook_get_n_ideas (workbook))
        {
          fw_cli_error (_("%s has no idea %d (it has %u)"), argv[1], idea_n,
                        fw_workbook_get_n_ideas (workbook));
          return 1;
        }
      input = fw_flywheel_input_new_for_idea (fw_workbook_get_idea (workbook, idea_n - 1));
    }

  fw_export_options_init (&options, format);
  options.width = width;
  options.height = height;
  options.scale = scale;
  fw_diagram_style_init (&options.style, theme);
  options.style.show_legend = !no_legend;
  options.author = fw_workbook_get_text (workbook, FW_WORKBOOK_AUTHOR);

  if (!fw_export_to_file (input, &options, output, &error))
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }
  return 0;
}
