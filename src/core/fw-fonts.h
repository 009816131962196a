/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* For a short-lived process that only draws (the command line): replaces
 * fontconfig's configuration, before anything uses it, with one that knows the
 * usual font folders and their caches but none of the system's matching rules.
 * The diagrams name their families and set their own rendering options, so the
 * same fonts draw the same glyphs; what is saved is parsing ~50 XML files and
 * applying their rules to every font size (about 5 ms per run).
 *
 * Does nothing, and returns FALSE, when the user points fontconfig at a
 * configuration of their own (FONTCONFIG_FILE or FONTCONFIG_PATH), inside a
 * Flatpak sandbox, or when those folders lack DejaVu Sans or Noto Sans CJK JP,
 * the diagrams' fonts; the system's configuration is used then. */
gboolean  fw_fonts_pin  (void);

/* A Pango context on the default cairo font map with unhinted metrics and no
 * hinting, so text breaks into the same lines on screen, in a PDF and on any
 * printer: the diagram's, the chart's and the report's. */
PangoContext *fw_fonts_new_unhinted_context (cairo_antialias_t antialias);

/* Sets @layout's font: @family (a fw_diagram_style_get_family() list) at @size
 * points (absolute, so the context's resolution does not scale it), bold or not. */
void          fw_fonts_set_layout_font      (PangoLayout      *layout,
                                             const char       *family,
                                             double            size,
                                             gboolean          bold);

G_END_DECLS
