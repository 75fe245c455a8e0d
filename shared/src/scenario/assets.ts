// Where a scenario's pictures may come from, as plain patterns (no zod): the schema checks them, and the
// workbench's first chunk tests an avatar against the same pattern without loading the schema.

/**
 * A picture of the library's own images/ folder (served at /library/images/…), never a URL, like avatars:
 * photos a buyer sends, product pictures, image quick phrases.
 */
export const IMAGE_PATH = /^images\/[A-Za-z0-9][A-Za-z0-9_.-]*\.(png|jpe?g|webp|gif)$/;

/**
 * A buyer avatar is a picture of the library's own (served at /library/avatars/…), never a URL: a scenario
 * must not make every workbench fetch something from elsewhere (tracking, or a request to an intranet host).
 */
export const AVATAR_PATH = /^avatars\/[A-Za-z0-9][A-Za-z0-9_.-]*\.(png|jpe?g|webp|gif)$/;
