/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fw-diagram-style.h"
#include "fw-i18n.h"

#define RGBA(hex, a) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }
#define RGB(hex) RGBA (hex, 1.0)

/* libadwaita 1.2's palette. Lines use the darker "_color" variants in light
 * mode and the lighter ones in dark mode, so every arc keeps at least 3:1
 * contrast against the background (WCAG for graphics). */
static const FwDiagramStyle light = {
  .theme = FW_DIAGRAM_THEME_LIGHT,
  .background = RGB (0xfafafa),
  .foreground = RGBA (0x000000, 0.8),
  .dim = RGBA (0x000000, 0.55),
  .card = RGB (0xffffff),
  .border = RGBA (0x000000, 0.15),
  .accent_bg = RGB (0x3584e4),
  .on_accent = RGB (0xffffff),
  .unanswered = RGBA (0x000000, 0.45),
  .weak = RGB (0xc64600),       /* orange_5 */
  .holds = RGB (0x1c71d8),      /* accent_color */
  .strong = RGB (0x1b8553),     /* success_color */
  .broken = RGB (0xc01c28),     /* error_color */
  .neutral = RGB (0x5e5c64),    /* dark_2 */
};

static const FwDiagramStyle dark = {
  .theme = FW_DIAGRAM_THEME_DARK,
  .background = RGB (0x242424),
  .foreground = RGB (0xffffff),
  .dim = RGBA (0xffffff, 0.6),
  .card = RGB (0x303030),
  .border = RGBA (0xffffff, 0.15),
  .accent_bg = RGB (0x3584e4),
  .on_accent = RGB (0xffffff),
  .unanswered = RGBA (0xffffff, 0.5),
  .weak = RGB (0xf8e45c),       /* yellow_2 */
  .holds = RGB (0x78aeed),      /* accent_color */
  .strong = RGB (0x8ff0a4),     /* success_color */
  .broken = RGB (0xff7b63),     /* error_color */
  .neutral = RGB (0x9a9996),    /* light_5 */
};

void
fw_diagram_style_init (FwDiagramStyle *style,
                       FwDiagramTheme  theme)
{
  g_return_if_fail (style != NULL);

  *style = theme == FW_DIAGRAM_THEME_DARK ? dark : light;
  style->font_family = NULL;  /* chosen by language: fw_diagram_style_get_family() */
  style->font_scale = 1.0;
  style->show_legend = TRUE;
}

const char *
fw_diagram_style_get_family (const FwDiagramStyle *style,
                             const char           *language)
{
  g_return_val_if_fail (style != NULL, NULL);

  if (style->font_family != NULL)
    return style->font_family;
  if (language == NULL)
    language = fw_i18n_current_language ();
  /* Japanese (and other CJK text): Noto Sans CJK first, whose Latin and kana
   * share one design, so a mixed label never switches fonts mid-line.
   * Elsewhere DejaVu Sans first: its glyphs are drawn in the pinned Latin
   * design, and a PDF embeds a subset of a 700 KB font instead of a 17 MB
   * one; Noto Sans CJK still draws any Japanese in the text. */
  if (g_str_has_prefix (language, "ja") || g_str_has_prefix (language, "zh") ||
      g_str_has_prefix (language, "ko"))
    return "Noto Sans CJK JP, DejaVu Sans, sans-serif";
  return "DejaVu Sans, Noto Sans CJK JP, sans-serif";
}

gboolean
fw_diagram_style_equal (const FwDiagramStyle *a,
                        const FwDiagramStyle *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  /* The colours are doubles back to back: no padding to compare by accident. */
  return a->theme == b->theme &&
         memcmp (&a->background, &b->background,
                 G_STRUCT_OFFSET (FwDiagramStyle, font_family) -
                 G_STRUCT_OFFSET (FwDiagramStyle, background)) == 0 &&
         g_strcmp0 (a->font_family, b->font_family) == 0 &&
         a->font_scale == b->font_scale &&
         a->min_font_size == b->min_font_size &&
         a->show_legend == b->show_legend;
}

double
fw_diagram_style_font_size (const FwDiagramStyle *style,
                            double                width,
                            double                height)
{
  double size;

  g_return_val_if_fail (style != NULL, 12.0);

  /* The geometric mean tracks the area; the short side keeps a long thin
   * canvas from getting text too big for its narrow direction. */
  size = MIN (sqrt (MAX (width, 1.0) * MAX (height, 1.0)) / 64.0, MIN (width, height) / 38.0);
  size *= style->font_scale;
  return CLAMP (size, MAX (8.0, style->min_font_size), 96.0);
}

gboolean
fw_diagram_theme_from_id (const char     *id,
                          FwDiagramTheme *theme)
{
  if (g_strcmp0 (id, "light") == 0)
    *theme = FW_DIAGRAM_THEME_LIGHT;
  else if (g_strcmp0 (id, "dark") == 0)
    *theme = FW_DIAGRAM_THEME_DARK;
  else
    return FALSE;
  return TRUE;
}

void
fw_color_set_source (const FwColor *color,
                     cairo_t       *cr)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
fw_color_set_source_alpha (const FwColor *color,
                           cairo_t       *cr,
                           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}
