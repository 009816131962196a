/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "fw-gettext.h"
#include <glib/gstdio.h>
#include <gmodule.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "fw-assessment.h"
#include "fw-worksheet.h"
#include "fw-xlsx.h"

/* libxlsxwriter, and OpenSSL through it, cost every process that links them
 * about 1.3 ms to load and relocate, though only an Excel export uses them. When
 * the build found the library's soname (XLSXWRITER_SONAME), the library is opened
 * on first use instead; otherwise it is linked as usual. */
#define XLSX_FUNCTIONS(F) \
  F (format_set_align) \
  F (format_set_bg_color) \
  F (format_set_bold) \
  F (format_set_border) \
  F (format_set_font_name) \
  F (format_set_font_size) \
  F (format_set_text_wrap) \
  F (lxw_strerror) \
  F (workbook_add_format) \
  F (workbook_add_worksheet) \
  F (workbook_close) \
  F (workbook_new) \
  F (worksheet_freeze_panes) \
  F (worksheet_gridlines) \
  F (worksheet_merge_range) \
  F (worksheet_set_column) \
  F (worksheet_set_column_opt) \
  F (worksheet_set_row) \
  F (worksheet_write_blank) \
  F (worksheet_write_formula_num) \
  F (worksheet_write_formula_str) \
  F (worksheet_write_number) \
  F (worksheet_write_string)

static struct
{
#define XLSX_FIELD(name) __typeof__ (name) *name;
  XLSX_FUNCTIONS (XLSX_FIELD)
#undef XLSX_FIELD
} lxw;

static gboolean
load_xlsxwriter (GError **error)
{
  static gsize loaded;
  static char *failure;

  if (g_once_init_enter (&loaded))
    {
#ifdef XLSXWRITER_SONAME
      GModule *module = g_module_open (XLSXWRITER_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL)
        failure = g_strdup (g_module_error ());
#define XLSX_LOOKUP(name) \
      if (failure == NULL && !g_module_symbol (module, #name, (gpointer *) &lxw.name)) \
        failure = g_strdup (g_module_error ());
      XLSX_FUNCTIONS (XLSX_LOOKUP)
#undef XLSX_LOOKUP
      /* Kept open for the life of the process, as a linked library would be. */
#else
#define XLSX_ASSIGN(name) lxw.name = name;
      XLSX_FUNCTIONS (XLSX_ASSIGN)
#undef XLSX_ASSIGN
#endif
      g_once_init_leave (&loaded, 1);
    }

  if (failure != NULL)
    {
      /* TRANSLATORS: %s is the system's reason, e.g.
       * "libxlsxwriter.so.4: cannot open shared object file" */
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE,
                   _("Excel files cannot be written: the library libxlsxwriter could not be "
                     "loaded (%s)"),
                   failure);
      return FALSE;
    }
  return TRUE;
}

/* Column widths of the workshop's 2023 template, in Excel's character units. */
/* Then Flywheel's own columns (Q–AB), the two data columns hidden. */
static const double widths_2023[FW_WORKSHEET_N_COLUMNS] = {
  7, 18.3, 20.1, 48.8, 20.1, 19.7, 19.7, 19.7, 19.7, 29.5, 29.5, 30.4, 21.3, 30.4, 30.4, 53.3,
  30, 20, 30, 30, 24, 24, 30, 30, 30, 30, 12, 12,
};
#define FIRST_DATA_COLUMN (FW_WORKSHEET_N_COLUMNS - 2)

/* The 2022 template's columns, A–S; its texts are the sheet's own, never translated. */
#define N_COLUMNS_2022 19
static const char *headings_2022[N_COLUMNS_2022] = {
  "No", "PoC優先度\n(※自動計算)", "プロダクト名", "プロダクトのターゲットユーザー",
  "ターゲットユーザーの課題", "課題の背景\n(As-is/To-be)",
  "ユーザーにとっての\n緊急度: (高・中・低)", "緊急度の理由",
  "ユーザーにとっての\n重要度: (高・中・低)", "重要度の理由",
  "課題(ボトルネック)を解決する手段。",
  "MLの適用可能性: (〇・×・△)\n△: 適用可能に見えるが、MLに知見のある人の判断がほしい場合",
  "MLのユースケース\n(入力データ→ML→出力データ)\n※MLのタスクで語れているか確認",
  "MLの価値\n (高・中・低)", "MLの価値の理由",
  "要件に関する懸念事項\n(ML適用・データ・期間/実用化)", "実現を阻害する要因",
  "アイデアソンのボードへのリンク", "備考",
};
static const double widths_2022[N_COLUMNS_2022] = {
  6, 12, 16, 20, 24, 30, 14, 28, 14, 28, 32, 22, 32, 12, 28, 28, 24, 24, 30,
};

typedef struct
{
  lxw_error  error;
  guint      row;
  guint      col;
} Status;

static void
check (Status   *status,
       lxw_error err,
       guint     row,
       guint     col)
{
  if (err != LXW_NO_ERROR && status->error == LXW_NO_ERROR)
    {
      status->error = err;
      status->row = row;
      status->col = col;
    }
}

static void
write_text (lxw_worksheet *ws,
            Status        *status,
            guint          row,
            guint          col,
            const char    *text,
            lxw_format    *format)
{
  if (text == NULL || *text == '\0')
    check (status, lxw.worksheet_write_blank (ws, row, col, format), row, col);
  else
    check (status, lxw.worksheet_write_string (ws, row, col, text, format), row, col);
}

static lxw_format *
new_format (lxw_workbook *book,
            gboolean      bold,
            lxw_color_t   fill,
            gboolean      border)
{
  lxw_format *format = lxw.workbook_add_format (book);

  lxw.format_set_font_name (format, "Meiryo UI");
  lxw.format_set_font_size (format, 10);
  lxw.format_set_text_wrap (format);
  lxw.format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (bold)
    lxw.format_set_bold (format);
  if (fill != LXW_COLOR_WHITE)
    lxw.format_set_bg_color (format, fill);
  if (border)
    lxw.format_set_border (format, LXW_BORDER_THIN);
  return format;
}

static void
write_2023_sheet (lxw_workbook *book,
                  FwWorkbook   *wb,
                  guint         n_columns,
                  Status       *status)
{
  lxw_worksheet *ws = lxw.workbook_add_worksheet (book, "ML Usecase Discovery Worksheet");
  lxw_format *title = new_format (book, TRUE, 0xE2EFDA, FALSE);
  lxw_format *plain = new_format (book, FALSE, LXW_COLOR_WHITE, FALSE);
  lxw_format *header = new_format (book, TRUE, 0xE2EFDA, TRUE);
  lxw_format *cell = new_format (book, FALSE, LXW_COLOR_WHITE, TRUE);
  lxw_format *number = new_format (book, FALSE, LXW_COLOR_WHITE, TRUE);
  g_autoptr(GPtrArray) rows = fw_worksheet_layout_rows (wb, NULL, NULL);
  const guint sections = FW_WORKSHEET_N_HEADER_ROWS - 2;

  lxw.format_set_font_size (title, 16);
  lxw.format_set_align (header, LXW_ALIGN_CENTER);
  lxw.format_set_align (header, LXW_ALIGN_VERTICAL_CENTER);
  lxw.format_set_align (number, LXW_ALIGN_CENTER);
  lxw.worksheet_gridlines (ws, LXW_HIDE_ALL_GRIDLINES);

  for (guint c = 0; c < n_columns; c++)
    {
      lxw_row_col_options hidden = { .hidden = 1 };

      check (status, lxw.worksheet_set_column_opt (ws, c, c, widths_2023[c], NULL,
                                                   c >= FIRST_DATA_COLUMN ? &hidden : NULL),
             0, c);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          lxw_format *format;

          if (r == 0)
            format = title;
          else if (r < sections)
            format = plain;
          else if (r < FW_WORKSHEET_N_HEADER_ROWS)
            format = header;
          else
            format = c == 0 ? number : cell;

          if (r == 0 && c > 0)
            check (status, lxw.worksheet_write_blank (ws, r, c, format), r, c);
          else if (r >= FW_WORKSHEET_N_HEADER_ROWS && c == 0)
            check (status, lxw.worksheet_write_number (ws, r, c, g_ascii_strtod (row[c], NULL),
                                                   format), r, c);
          else if (c >= FIRST_DATA_COLUMN && g_utf8_strlen (row[c], -1) > 32767)
            /* Over Excel's limit for a cell: the import then reads the idea
             * from the readable columns, which hold its story and whys. */
            check (status, lxw.worksheet_write_blank (ws, r, c, format), r, c);
          else
            write_text (ws, status, r, c, row[c], format);
        }
    }

  /* The template's merged header cells: the two parts, and the headings that
   * span both header rows. The texts are already in the first cell of each. */
  check (status, lxw.worksheet_merge_range (ws, sections, 2, sections, 8, rows->len > 0
                                        ? ((char **) g_ptr_array_index (rows, sections))[2] : "",
                                        header), sections, 2);
  check (status, lxw.worksheet_merge_range (ws, sections, 9, sections, 14,
                                        ((char **) g_ptr_array_index (rows, sections))[9],
                                        header), sections, 9);
  if (n_columns > FW_WORKSHEET_N_SHEET_COLUMNS)
    check (status, lxw.worksheet_merge_range (ws, sections, FW_WORKSHEET_N_SHEET_COLUMNS, sections,
                                        FW_WORKSHEET_N_COLUMNS - 1,
                                        ((char **) g_ptr_array_index (rows, sections))
                                          [FW_WORKSHEET_N_SHEET_COLUMNS],
                                        header), sections, FW_WORKSHEET_N_SHEET_COLUMNS);
  for (guint i = 0; i < 3; i++)
    {
      static const guint cols[] = { 0, 1, 15 };

      check (status, lxw.worksheet_merge_range (ws, sections, cols[i], sections + 1, cols[i],
                                            ((char **) g_ptr_array_index (rows, sections))[cols[i]],
                                            header), sections, cols[i]);
    }
  check (status, lxw.worksheet_set_row (ws, sections + 1, 38.4, NULL), sections + 1, 0);
  lxw.worksheet_freeze_panes (ws, FW_WORKSHEET_N_HEADER_ROWS, 0);
}

static const char *
level_cell (FwIdea     *idea,
            FwPriority  which)
{
  return fw_level_symbol (fw_idea_get_priority (idea, which));
}

static void
write_2022_sheet (lxw_workbook *book,
                  FwWorkbook   *wb,
                  Status       *status)
{
  lxw_worksheet *ws = lxw.workbook_add_worksheet (book, "2022");
  lxw_format *header = new_format (book, TRUE, 0xE2EFDA, TRUE);
  lxw_format *cell = new_format (book, FALSE, LXW_COLOR_WHITE, TRUE);
  lxw_format *number = new_format (book, FALSE, LXW_COLOR_WHITE, TRUE);
  const char *product = fw_workbook_get_text (wb, FW_WORKBOOK_PRODUCT);
  guint n_ideas = fw_workbook_get_n_ideas (wb);

  lxw.format_set_align (header, LXW_ALIGN_VERTICAL_CENTER);
  lxw.format_set_align (number, LXW_ALIGN_CENTER);
  for (guint c = 0; c < N_COLUMNS_2022; c++)
    {
      check (status, lxw.worksheet_set_column (ws, c, c, widths_2022[c], NULL), 0, c);
      write_text (ws, status, 0, c, headings_2022[c], header);
    }
  check (status, lxw.worksheet_set_row (ws, 0, 60, NULL), 0, 0);

  for (guint i = 0; i < n_ideas; i++)
    {
      FwIdea *idea = fw_workbook_get_idea (wb, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
      int priority = fw_assessment_get_poc_priority (assessment);
      guint r = i + 1, x = r + 1;  /* x: the row as Excel numbers it */
      g_autofree char *use_case = fw_worksheet_use_case_text (idea);
      g_autofree char *formula = NULL;
      const char *texts[N_COLUMNS_2022] = {
        NULL, NULL, product,
        fw_idea_get_text (idea, FW_IDEA_CUSTOMER),
        fw_idea_get_title (idea),
        fw_idea_get_text (idea, FW_IDEA_SO_THAT),
        level_cell (idea, FW_PRIORITY_URGENCY),
        fw_idea_get_text (idea, FW_IDEA_URGENCY_REASON),
        level_cell (idea, FW_PRIORITY_IMPORTANCE),
        fw_idea_get_text (idea, FW_IDEA_IMPORTANCE_REASON),
        fw_idea_get_text (idea, FW_IDEA_I_WANT),
        fw_applicability_symbol (fw_idea_get_applicability (idea)),
        use_case,
        level_cell (idea, FW_PRIORITY_ML_VALUE),
        fw_idea_get_text (idea, FW_IDEA_ML_VALUE_REASON),
        fw_idea_get_text (idea, FW_IDEA_CONCERNS),
        fw_idea_get_text (idea, FW_IDEA_BLOCKERS),
        fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL),
        fw_idea_get_text (idea, FW_IDEA_NOTES),
      };

      check (status, lxw.worksheet_write_number (ws, r, 0, i + 1, number), r, 0);
      /* PoC優先度 = urgency + importance + ML value (高=3 中=2 低=1), live so the
       * sheet follows edits; written without SWITCH, which older Excel and
       * LibreOffice lack. The cached result is what Flywheel's rules say. */
      formula = g_strdup_printf ("=IF(AND(G%u<>\"\",I%u<>\"\",N%u<>\"\"),"
                                 "(G%u=\"低\")+2*(G%u=\"中\")+3*(G%u=\"高\")+"
                                 "(I%u=\"低\")+2*(I%u=\"中\")+3*(I%u=\"高\")+"
                                 "(N%u=\"低\")+2*(N%u=\"中\")+3*(N%u=\"高\"),\"\")",
                                 x, x, x, x, x, x, x, x, x, x, x, x);
      if (priority > 0)
        check (status, lxw.worksheet_write_formula_num (ws, r, 1, formula, number, priority), r, 1);
      else
        check (status, lxw.worksheet_write_formula_str (ws, r, 1, formula, number, ""), r, 1);
      for (guint c = 2; c < N_COLUMNS_2022; c++)
        write_text (ws, status, r, c, texts[c], c == 6 || c == 8 || c == 11 || c == 13
                                                ? number : cell);
    }
  lxw.worksheet_freeze_panes (ws, 1, 0);
}

gboolean
fw_worksheet_export_xlsx (FwWorkbook            *wb,
                          const char            *path,
                          FwWorksheetExportFlags flags,
                          GError               **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  lxw_workbook *book;
  lxw_error closed;
  Status status = { LXW_NO_ERROR, 0, 0 };
  int fd;

  g_return_val_if_fail (FW_IS_WORKBOOK (wb), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!load_xlsxwriter (error))
    return FALSE;

  /* libxlsxwriter writes to a path: write beside the target, then rename. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE,
                   _("%s: cannot write in %s: %s"), path, dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  book = lxw.workbook_new (tmp);
  if (book == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE,
                   _("%s: cannot start an Excel workbook"), path);
      return FALSE;
    }
  write_2023_sheet (book, wb, fw_worksheet_export_n_columns (flags), &status);
  write_2022_sheet (book, wb, &status);
  closed = lxw.workbook_close (book);

  if (status.error != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      if (status.error != LXW_NO_ERROR)
        {
          /* TRANSLATORS: e.g. "out.xlsx: cell 12:4: String exceeds Excel's limit …" */
          g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE,
                       _("%s: row %u, column %u: %s"), path, status.row + 1, status.col + 1,
                       lxw.lxw_strerror (status.error));
        }
      else
        g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE,
                     "%s: %s", path, lxw.lxw_strerror (closed));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE,
                   _("%s: cannot replace the file: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
