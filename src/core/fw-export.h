/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fw-flywheel-layout.h"

G_BEGIN_DECLS

typedef enum
{
  FW_EXPORT_PNG,
  FW_EXPORT_PDF,
  FW_EXPORT_SVG,
  FW_N_EXPORT_FORMATS
} FwExportFormat;

/* The size of an export nobody chose a size for: the command line's and the
 * window's. The GSettings keys export-width and export-height default to the
 * same (tests/test-export.c checks the schema against these). */
#define FW_EXPORT_DEFAULT_WIDTH   1600
#define FW_EXPORT_DEFAULT_HEIGHT  1200

#define FW_EXPORT_MIN_SIZE    64
#define FW_EXPORT_MAX_SIZE    10000
#define FW_EXPORT_MAX_SCALE   4

typedef struct
{
  FwExportFormat  format;
  double          width;    /* in pixels (CSS px: PDF pages are 0.75 pt per px) */
  double          height;
  int             scale;    /* PNG only: device pixels per px, for HiDPI */
  FwDiagramStyle  style;
  const char     *author;   /* PDF metadata, or NULL */
  /* The language of what is translated while drawing ("en", "ja"); NULL for the
   * thread's. A flywheel's labels are the input's, made in the thread's language:
   * push the language around fw_flywheel_input_new_for_idea() (fw-i18n.h). */
  const char     *language;
} FwExportOptions;

/* FW_EXPORT_DEFAULT_WIDTH × FW_EXPORT_DEFAULT_HEIGHT, scale 1, light. */
void         fw_export_options_init    (FwExportOptions       *options,
                                        FwExportFormat         format);

gboolean     fw_export_format_from_id  (const char            *id,
                                        FwExportFormat        *format);
const char  *fw_export_format_to_id    (FwExportFormat         format);
/* "png", "pdf" or "svg" from a file name's extension. */
gboolean     fw_export_format_from_filename (const char       *filename,
                                        FwExportFormat        *format);
const char  *fw_export_format_mime_type (FwExportFormat        format);

typedef void (*FwExportDrawFunc) (cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  gpointer  user_data);

/* Any drawing as PNG, PDF (with @title and the options' author) or SVG bytes,
 * after checking the options' size, scale and format. */
GBytes      *fw_export_draw_to_bytes   (const FwExportOptions *options,
                                        const char            *title,
                                        FwExportDrawFunc       draw,
                                        gpointer               user_data,
                                        GError               **error);
/* Writes a temporary file next to @path and renames it over @path. */
gboolean     fw_export_write_bytes     (GBytes                *bytes,
                                        const char            *path,
                                        GError               **error);

/* The diagram as a file's contents, e.g. for the clipboard. */
GBytes      *fw_export_to_bytes        (const FwFlywheelInput *input,
                                        const FwExportOptions *options,
                                        GError               **error);
/* Writes a temporary file next to @path and renames it over @path, so a
 * failure leaves @path as it was. */
gboolean     fw_export_to_file         (const FwFlywheelInput *input,
                                        const FwExportOptions *options,
                                        const char            *path,
                                        GError               **error);

G_END_DECLS
