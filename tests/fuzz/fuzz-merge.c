/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fw-core.h"

/* libFuzzer entry point for the merge (issue #18); tests/fuzz/replay.c calls it too, so
 * the corpus is replayed by every `meson test`. The input is three workbooks, BASE, OURS
 * and THEIRS, each ended by the line SEPARATOR (an empty BASE: a two-way merge). Inputs
 * whose parts do not load are skipped. Whatever loads must merge (or be refused as copies
 * of two different workbooks), and the result must be written and read back as it is, be
 * diffed against each side and turned into text; merged with itself, or again with
 * theirs, it is itself; and resolving its conflicts leaves a workbook that still loads. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define SEPARATOR "\n--8<--\n"

/* The first SEPARATOR from @start on, or NULL (memmem is not everywhere). */
static const char *
find_separator (const char *start,
                const char *end)
{
  gsize n = strlen (SEPARATOR);

  for (const char *p = start; p + n <= end; p++)
    if (memcmp (p, SEPARATOR, n) == 0)
      return p;
  return NULL;
}

static FwWorkbook *
load_part (const char *start,
           const char *end)
{
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load_from_data (start, end - start, "fuzz.flywheel", &error);

  g_assert ((workbook == NULL) != (error == NULL));
  return workbook;
}

static FwWorkbook *
reload (FwWorkbook *workbook,
        GBytes    **bytes_out)
{
  g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);
  g_autoptr(GError) error = NULL;
  FwWorkbook *again = fw_workbook_load_from_data (g_bytes_get_data (bytes, NULL),
                                                  g_bytes_get_size (bytes), "merged.flywheel",
                                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  if (bytes_out)
    *bytes_out = g_steal_pointer (&bytes);
  return again;
}

static void
diff_and_format (FwWorkbook *a,
                 FwWorkbook *b)
{
  g_autoptr(GPtrArray) changes = fw_diff (a, b);

  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = fw_change_format (changes->pdata[i], a, b);
      g_assert_nonnull (line);
    }
}

static void
check_result (FwWorkbook *base,
              FwWorkbook *ours,
              FwWorkbook *theirs,
              FwWorkbook *merged)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(FwWorkbook) again = reload (merged, &bytes);
  g_autoptr(FwWorkbook) again2 = reload (again, &bytes2);
  g_autoptr(GPtrArray) conflicts = fw_workbook_dup_conflicts (merged);
  g_autoptr(GPtrArray) conflicts2 = fw_workbook_dup_conflicts (again);
  g_autofree char *text = fw_workbook_dup_text (merged);

  /* Read back, the same workbook, the same conflicts, the same bytes. */
  g_assert_true (fw_workbook_equal (merged, again));
  g_assert_cmpuint (conflicts->len, ==, conflicts2->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *label = NULL;
      FwConflict *c = conflicts->pdata[i];

      g_assert_true (fw_conflict_equal (c, conflicts2->pdata[i]));
      label = fw_merge_describe_item (merged, c->kind, c->id, c->member_id);
      g_assert_nonnull (fw_field_label (c->kind, c->field));
      g_free (fw_field_format_value (merged, c->kind, c->field, c->ours, 20));
    }
  g_assert_true (fw_workbook_equal (again, again2));
  g_assert_true (g_bytes_equal (bytes, bytes2));
  g_assert_nonnull (text);

  if (base)
    diff_and_format (base, merged);
  diff_and_format (ours, merged);
  diff_and_format (merged, theirs);
}

/* Resolving every conflict it can (ours, else theirs) leaves a workbook that loads. */
static void
resolve_all (FwWorkbook *merged)
{
  guint i = 0;

  while (i < fw_workbook_count_conflicts (merged))
    {
      g_autoptr(GError) error = NULL;

      if (fw_workbook_resolve_conflict (merged, i, FW_RESOLVE_OURS, NULL, &error))
        continue;
      g_clear_error (&error);
      if (fw_workbook_resolve_conflict (merged, i, FW_RESOLVE_THEIRS, NULL, &error))
        continue;
      g_assert_nonnull (error);
      i++;
    }
  g_object_unref (reload (merged, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data, *end = text + size;
  const char *parts[3] = { text };
  g_autoptr(FwWorkbook) base = NULL;
  g_autoptr(FwWorkbook) ours = NULL;
  g_autoptr(FwWorkbook) theirs = NULL;
  g_autoptr(FwWorkbook) merged = NULL;
  g_autoptr(FwWorkbook) itself = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint i = 1; i < 3; i++)
    {
      const char *at = find_separator (parts[i - 1], end);

      if (at == NULL)
        return 0;
      parts[i] = at + strlen (SEPARATOR);
    }

  if (parts[1] - parts[0] > (ptrdiff_t) strlen (SEPARATOR) &&
      (base = load_part (parts[0], parts[1] - strlen (SEPARATOR))) == NULL)
    return 0;
  ours = load_part (parts[1], parts[2] - strlen (SEPARATOR));
  if (ours == NULL)
    return 0;
  theirs = load_part (parts[2], end);
  if (theirs == NULL)
    return 0;

  merged = fw_merge (base, ours, theirs, NULL, NULL, &n, &error);
  if (merged == NULL)
    {
      g_assert_error (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_WORKBOOK);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, <=, fw_workbook_count_conflicts (merged));
  check_result (base, ours, theirs, merged);

  /* Merged again with theirs, it is itself: nothing new, no conflict twice. */
  itself = fw_merge (base, merged, theirs, NULL, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (fw_workbook_equal (itself, merged));
  g_clear_object (&itself);

  /* Merged with itself, or from the other side, it is itself. */
  itself = fw_merge (base, merged, merged, NULL, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (fw_workbook_equal (itself, merged));
  g_clear_object (&itself);
  itself = fw_merge (ours, ours, merged, NULL, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (fw_workbook_equal (itself, merged));

  resolve_all (merged);
  return 0;
}
