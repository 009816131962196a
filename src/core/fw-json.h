/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses one JSON document (RFC 8259) into a json-glib tree, several times
 * faster than JsonParser on large workbooks. @data must be valid UTF-8. On
 * failure returns NULL and an error whose message reads
 * "<data>:LINE:COLUMN: what is wrong", as JsonParser's do; data of nothing
 * but white space gives NULL and no error. */
JsonNode    *fw_json_parse     (const char  *data,
                                gsize        length,
                                GError     **error);

G_END_DECLS
