/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "fw-cli.h"
#include "fw-core.h"
#include "fw-export.h"
#include "fw-i18n.h"

/* The same as the entry in fw-cli.c's table, which this file cannot see. */
static const FwCliVerb export_verb = {
  "export", N_("FILE [--idea N|--case N] --format png|pdf|svg -o OUT"),
  N_("Draw an idea’s or a case’s flywheel as PNG, PDF or SVG"), fw_cli_export
};

static gboolean
valid_language (const char *lang)
{
  /* "ja", "en", "pt_BR": anything else is a typo, not a language. */
  gsize n = strlen (lang);

  if (n != 2 && n != 3 && n != 5)
    return FALSE;
  for (gsize i = 0; i < MIN (n, 3); i++)
    if (lang[i] != '_' && !g_ascii_islower (lang[i]))
      return FALSE;
  if (n == 5)
    return lang[2] == '_' && g_ascii_isupper (lang[3]) && g_ascii_isupper (lang[4]);
  return n == 2 || g_ascii_islower (lang[2]);
}

/* flywheel export FILE [--idea N|--case N] --format png|pdf|svg -o OUT
 *                 [--width PX --height PX --scale N --theme light|dark --lang en|ja] */
int
fw_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (&export_verb);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(FwFlywheelInput) input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_id = NULL;
  g_autofree char *theme_id = NULL;
  g_autofree char *lang = NULL;
  int idea_n = 0, case_n = 0, width = 1200, height = 900, scale = 1;
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
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default: 1200)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default: 900)"), N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale,
      N_("Pixels per PNG pixel, for high-resolution screens (default: 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_id, N_("light or dark (default: light)"),
      N_("THEME") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Label the diagram in this language, e.g. en or ja"), N_("LANG") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend, N_("Leave out the legend"), NULL },
    { NULL }
  };

  if (!fw_cli_parse_args (context, entries, &argc, &argv,
                          _("export takes exactly one FILE")))
    return 2;
  if (output == NULL)
    {
      fw_cli_error ("%s", _("export needs -o OUT"));
      return 2;
    }
  if (idea_n != 0 && case_n != 0)
    {
      fw_cli_error ("%s", _("give --idea or --case, not both"));
      return 2;
    }
  if (idea_n < 0 || case_n < 0)
    {
      fw_cli_error ("%s", _("ideas and cases are counted from 1"));
      return 2;
    }
  if (format_id ? !fw_export_format_from_id (format_id, &format)
                : !fw_export_format_from_filename (output, &format))
    {
      if (format_id)
        fw_cli_error (_("unknown format “%s”: use png, pdf or svg"), format_id);
      else
        fw_cli_error ("%s", _("give --format png, pdf or svg"));
      return 2;
    }
  if (theme_id && !fw_diagram_theme_from_id (theme_id, &theme))
    {
      fw_cli_error (_("unknown theme “%s”: use light or dark"), theme_id);
      return 2;
    }
  if (lang)
    {
      if (!valid_language (lang))
        {
          fw_cli_error (_("unknown language “%s”: use a code such as en or ja"), lang);
          return 2;
        }
      /* Before any label is translated. */
      fw_i18n_use_language (lang);
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  workbook = fw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  if (case_n > 0)
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
      if (idea_n == 0)
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
