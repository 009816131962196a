/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fw-core.h"

/* The writer that test-kill-save kills with SIGKILL in the middle of a save: loads
 * WORKBOOK, says "ready" once it is loaded (so the kill lands in the save, not in the
 * load), then saves it to TARGET COUNT times (0: until killed). */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(FwWorkbook) wb = NULL;
  g_autoptr(GError) error = NULL;
  guint64 count;

  if (argc != 4)
    {
      g_printerr ("usage: %s WORKBOOK TARGET COUNT\n", argv[0]);
      return 2;
    }
  in = g_file_new_for_commandline_arg (argv[1]);
  out = g_file_new_for_commandline_arg (argv[2]);
  count = g_ascii_strtoull (argv[3], NULL, 10);

  wb = fw_workbook_load (in, NULL, &error);
  if (wb == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);

  for (guint64 i = 0; count == 0 || i < count; i++)
    if (!fw_workbook_save (wb, out, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  return 0;
}
