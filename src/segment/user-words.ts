/** Words the jieba engines must keep whole: generated from dicts/ (slogans and report vocabulary). */
export function userWords(): readonly string[] {
  return [];
}
