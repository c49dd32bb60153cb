/** The provinces (省), whose names head the departments and fill the texts of provincial forms. */
export const PROVINCES: readonly string[] = ['河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾'];
export const PROVINCE_SUFFIX = '省';

/** The provinces whose name `read` (the ideographs before a 省) misses by one ideograph. */
export function provincesOneOff(read: readonly string[]): string[] {
  return PROVINCES.filter((p) => {
    const name = [...p];
    return name.length === read.length && name.filter((c, i) => c !== read[i]).length === 1;
  });
}
