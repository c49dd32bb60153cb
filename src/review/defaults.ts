/** Resolution of the page images of a review site (dpi): sharp enough to read a cell, small enough to load fast. */
export const DEFAULT_DPI = 120;
