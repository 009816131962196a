/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <stdio.h>

#include "fw-cli.h"
#include "fw-core.h"
#include "fw-markdown.h"
#include "fw-text-input.h"
#include "fw-worksheet.h"
#include "fw-xlsx.h"

/* The same name, parameters and summary as the entries in fw-cli.c's table,
 * which this file cannot see. */
static const FwCliVerb import_verb = {
  "import", N_("WORKSHEET.xlsx|WORKSHEET.csv -o OUT.flywheel"),
  N_("Read a filled-in ML Usecase Discovery Worksheet saved as XLSX or CSV"), fw_cli_import
};
static const FwCliVerb convert_verb = {
  "convert", N_("FILE -o OUT.csv|OUT.xlsx|OUT.md"),
  N_("Write a workbook in the worksheet layout, as CSV or Excel"), fw_cli_convert
};

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

static gboolean
is_sheet_path (const char *path)
{
  return has_suffix (path, ".csv") || has_suffix (path, ".tsv") || has_suffix (path, ".txt") ||
         has_suffix (path, ".xlsx");
}

/* Reads a sheet, refusing an oversized one from its size alone so a huge file
 * is never read into memory. Messages name @path as the user typed it. */
static FwWorkbook *
import_sheet (const char      *path,
              FwImportReport **report,
              GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = fw_text_input_read (file, path, FW_WORKSHEET_MAX_SIZE, NULL, error);

  if (bytes == NULL)
    return NULL;
  return fw_worksheet_import (bytes, path, report, error);
}

/* g_file_replace_contents(), with failures worded for @path. */
static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        size,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) io_error = NULL;

  /* Atomic: a temporary file renamed over the old one. */
  if (g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                               &io_error))
    return TRUE;
  fw_file_error_set (error, io_error, path, TRUE);
  return FALSE;
}

/* flywheel import WORKSHEET.xlsx|WORKSHEET.csv -o OUT.flywheel */
int
fw_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (&import_verb);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autofree char *summary = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the workbook to OUT.flywheel"), N_("OUT") },
    { NULL }
  };

  if (!fw_cli_parse_args (context, entries, &argc, &argv,
                          _("import takes exactly one worksheet (.xlsx or .csv)")))
    return 2;
  if (output == NULL)
    {
      fw_cli_error ("%s", _("import needs -o OUT.flywheel"));
      return 2;
    }
  if (!fw_cli_check_extension ("import", output, (const char *[]) { ".flywheel", NULL }))
    return 2;
  if (!fw_cli_check_output_folder (output))
    return 1;

  workbook = import_sheet (argv[1], &report, &error);
  if (workbook == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  out_file = g_file_new_for_commandline_arg (output);
  if (!fw_workbook_save (workbook, out_file, NULL, &error))
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  summary = fw_import_report_summary (report);
  printf ("%s\n", summary);
  return 0;
}

static FwWorkbook *
load_input (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (is_sheet_path (path))
    {
      g_autoptr(FwImportReport) report = NULL;
      FwWorkbook *workbook = import_sheet (path, &report, error);

      for (guint i = 0; workbook && i < report->skipped->len; i++)
        fw_cli_error ("%s: %s", path, (const char *) g_ptr_array_index (report->skipped, i));
      return workbook;
    }
  file = g_file_new_for_commandline_arg (path);
  return fw_workbook_load (file, NULL, error);
}

/* flywheel convert FILE -o OUT.csv|OUT.xlsx */
int
fw_cli_convert (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (&convert_verb);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT; its extension chooses the format: .csv, .xlsx or .md"), N_("OUT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("The language of a Markdown summary: en or ja"), N_("LANG") },
    { NULL }
  };
  enum { OUT_CSV, OUT_XLSX, OUT_MD } format;

  if (!fw_cli_parse_args (context, entries, &argc, &argv,
                          _("convert takes exactly one FILE")))
    return 2;
  if (output == NULL)
    {
      fw_cli_error ("%s", _("convert needs -o OUT.csv, OUT.xlsx or OUT.md"));
      return 2;
    }

  /* Formats by the output's extension. The Markdown summary (.md) goes here too. */
  if (!fw_cli_check_extension ("convert", output,
                               (const char *[]) { ".csv", ".xlsx", ".md", NULL }))
    return 2;
  if (has_suffix (output, ".csv"))
    format = OUT_CSV;
  else if (has_suffix (output, ".xlsx"))
    format = OUT_XLSX;
  else
    format = OUT_MD;
  if (!fw_cli_check_language (lang))
    return 2;
  if (!fw_cli_check_output_folder (output))
    return 1;

  workbook = load_input (argv[1], &error);
  if (workbook == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  switch (format)
    {
    case OUT_CSV:
      {
        g_autoptr(GBytes) bytes =
          fw_worksheet_export_csv (workbook, FW_WORKSHEET_EXPORT_DEFAULT);
        gsize size;
        const char *data = g_bytes_get_data (bytes, &size);

        if (!write_file (output, data, size, &error))
          {
            fw_cli_error ("%s", error->message);
            return 1;
          }
      }
      break;

    case OUT_XLSX:
      if (!fw_worksheet_export_xlsx (workbook, output, FW_WORKSHEET_EXPORT_DEFAULT, &error))
        {
          fw_cli_error ("%s", error->message);
          return 1;
        }
      break;

    case OUT_MD:
      {
        g_autofree char *text = fw_markdown_from_workbook (workbook, lang);

        if (!write_file (output, text, strlen (text), &error))
          {
            fw_cli_error ("%s", error->message);
            return 1;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
  return 0;
}
