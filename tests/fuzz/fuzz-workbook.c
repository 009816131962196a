/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include "fw-core.h"

/* libFuzzer entry point for the workbook loader; tests/fuzz/replay.c calls it too, so
 * the corpus is replayed by every `meson test` without libFuzzer. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) wb = NULL;

  wb = fw_workbook_load_from_data ((const char *) data, size, "fuzz.flywheel", &error);
  g_assert ((wb == NULL) != (error == NULL));
  if (wb != NULL)
    {
      /* What loads must save, and what is saved must load again to the same bytes
       * (the format is deterministic). */
      g_autoptr(GBytes) bytes = fw_workbook_to_bytes (wb);
      g_autoptr(GError) error2 = NULL;
      g_autoptr(FwWorkbook) again = NULL;
      g_autoptr(GBytes) bytes2 = NULL;
      gsize len;
      const char *text = g_bytes_get_data (bytes, &len);

      again = fw_workbook_load_from_data (text, len, "fuzz-again.flywheel", &error2);
      g_assert_no_error (error2);
      bytes2 = fw_workbook_to_bytes (again);
      g_assert (g_bytes_equal (bytes, bytes2));
    }
  return 0;
}
