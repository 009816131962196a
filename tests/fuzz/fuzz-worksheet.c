/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include "fw-core.h"
#include "fw-worksheet.h"

/* libFuzzer entry point for the worksheet importer (CSV, TSV and XLSX, told from the
 * bytes); replayed by replay.c. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) wb = NULL;
  FwImportReport *report = NULL;

  wb = fw_worksheet_import (bytes, "fuzz.csv", &report, &error);
  g_assert ((wb == NULL) != (error == NULL));
  if (wb != NULL)
    {
      g_autofree char *summary = NULL;
      g_autoptr(GBytes) csv = NULL;

      g_assert_nonnull (report);
      summary = fw_import_report_summary (report);
      g_assert_nonnull (summary);
      /* An imported sheet must export; the export is the 2023 layout. */
      csv = fw_worksheet_export_csv (wb, FW_WORKSHEET_EXPORT_DEFAULT);
      g_assert_nonnull (csv);
      fw_import_report_free (report);
    }
  else
    g_assert_null (report);
  return 0;
}
