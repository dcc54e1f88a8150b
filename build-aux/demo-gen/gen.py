import json, random, re
from geo import *
from bld import B, PLACES

rnd = random.Random(20260303)
CN = '零一二三四五六七八九十'

def room_for(b, unit, floor, side):
    if b['floors'] <= 6:
        return '%s楼%s户' % (CN[floor], '东' if side == 0 else '西')
    return '%d%02d室' % (floor, side + 1)

community = {
  'name': '东方御园社区',
  'subdistrict': '许庄街道',
  'city': '济宁市',
  'center_lat': LAT0,
  'center_lon': LON0,
  'zoom': 16.5,
  'secretary': '韩立群',
}

NOTE = '示意边界：据公开报道虚构的演示网格，并非真实的网格划分。'
mgmt_meta = [
  ('DF-01', '第一网格', '#3584e4', '六四小区北片，9号楼至13号楼。'),
  ('DF-02', '第二网格', '#33d17a', '东方御园小区北片，14号楼至19号楼，含北门。'),
  ('DF-03', '第三网格', '#f6d32d', '东方御园小区东北片，20号楼至25号楼。'),
  ('DF-04', '第四网格', '#ff7800', '六四小区南片，1号楼至8号楼，老旧楼院，老年住户较多。'),
  ('DF-05', '第五网格', '#e01b24', '小区中心地带，26号楼至28号楼，党群活动中心、为民服务大厅和党建文化长廊所在。'),
  ('DF-06', '第六网格', '#9141ac', '东方御园小区南片，29号楼至32号楼。'),
  ('DF-07', '第七网格', '#986a44', '东方御园小区东片，33号楼至40号楼，含东门。'),
]
sent_meta = [
  ('MQ-01', '民情网格一', '#1a5fb4', ['DF-01', 'DF-04'], '覆盖第一、第四网格（六四小区）。'),
  ('MQ-02', '民情网格二', '#26a269', ['DF-02', 'DF-05', 'DF-06'], '覆盖第二、第五、第六网格。'),
  ('MQ-03', '民情网格三', '#c64600', ['DF-03', 'DF-07'], '覆盖第三、第七网格。'),
]
hh = {}
for b in B:
    b['households'] = b['units'] * b['floors'] * 2
    hh[b['grid']] = hh.get(b['grid'], 0) + b['households']
pop = {}
for code, *_ in mgmt_meta:
    factor = 2.35 if code in ('DF-01', 'DF-04') else 2.8
    pop[code] = int(round(hh[code] * factor / 5.0)) * 5 + 3

grids = []
for code, name, color, desc in mgmt_meta:
    grids.append({'code': code, 'name': name, 'kind': 'management', 'color': color,
                  'households': hh[code], 'population': pop[code],
                  'notes': desc + NOTE,
                  'boundary': {'type': 'Polygon', 'coordinates': [ring(MGMT[code])]}})
for code, name, color, members, desc in sent_meta:
    grids.append({'code': code, 'name': name, 'kind': 'sentiment', 'color': color,
                  'households': sum(hh[m] for m in members),
                  'population': sum(pop[m] for m in members),
                  'notes': '民情网格，' + desc + '民情书记和社区两委成员在此听民意、解民忧。' + NOTE,
                  'boundary': {'type': 'Polygon', 'coordinates': [ring(SENT[code])]}})

phone = iter('1380000%04d' % i for i in range(1, 10000))
workers = []
def worker(name, role, grids_, notes=None):
    workers.append({'name': name, 'role': role, 'phone': next(phone), 'grids': grids_, 'notes': notes})
worker('韩立群', 'committee-member', ['MQ-01', 'MQ-02', 'MQ-03'], '社区党支部书记、居委会主任')
worker('孙建国', 'committee-member', ['MQ-03'], '居委会委员，分管物业管理、车棚和充电设施')
worker('李秀梅', 'committee-member', ['MQ-01'], '居委会副主任，分管民政、助老服务')
worker('赵文静', 'committee-member', ['MQ-02'], '居委会委员，分管文明实践和志愿服务')
worker('周志强', 'committee-member', ['MQ-02'], '居委会委员，分管综治、平安建设和人民调解')
worker('马国栋', 'sentiment-secretary', ['MQ-01'], '街道派驻民情书记')
worker('陈丽华', 'sentiment-secretary', ['MQ-02'], '街道派驻民情书记')
worker('郑凯', 'sentiment-secretary', ['MQ-03'], '街道派驻民情书记')
worker('张蕾', 'grid-worker', ['DF-01'], '专职网格员')
worker('杨帆', 'grid-worker', ['DF-02'], '专职网格员')
worker('吴敏', 'grid-worker', ['DF-03'], '专职网格员')
worker('刘晓雯', 'grid-worker', ['DF-04'], '专职网格员，负责六四小区南片')
worker('田志刚', 'grid-worker', ['DF-04'], '兼职网格员，退休党员')
worker('高玉兰', 'grid-worker', ['DF-05'], '专职网格员')
worker('范晓东', 'grid-worker', ['DF-06'], '专职网格员')
worker('郭静', 'grid-worker', ['DF-07'], '专职网格员')
worker('曹永军', 'grid-worker', ['DF-07'], '兼职网格员，楼长')

buildings = []
for b in B:
    lon, lat = to_lonlat(b['x'], b['y'])
    notes = '%s，%d个单元，%d层' % (b['notes'], b['units'], b['floors'])
    if b['floors'] <= 6:
        notes += '，一梯两户（东户、西户），无电梯'
    else:
        notes += '，一梯两户，有电梯'
    if b['n'] == 3:
        notes += '；上世纪九十年代建成，部分住户仍为铸铁水管'
    buildings.append({'name': '%d号楼' % b['n'], 'grid': b['grid'], 'lat': lat, 'lon': lon,
                      'units': b['units'], 'floors': b['floors'], 'households': b['households'],
                      'notes': notes})

places = []
for name, g, x, y in PLACES:
    lon, lat = to_lonlat(x, y)
    places.append({'name': name, 'grid': g, 'lat': lat, 'lon': lon})

resident_names = '''孔繁英 颜世民 孟庆芳 杨振华 李桂兰 张秀芝 刘建军 陈玉梅 赵志刚 孙淑珍
周国强 吴秀英 郑洪涛 马翠萍 朱明亮 胡淑华 林凤兰 高建华 罗德胜 梁桂芳
宋春生 唐秀云 冯玉珍 邓永刚 曹淑英 彭立新 曾庆华 肖雅琴 田广明 董秀荣
袁志勇 潘玉兰 蒋德明 蔡秀珍 贾晓燕 丁俊峰 魏玉霞 薛建平 叶春兰 阎宝山
余慧敏 杜文华 程桂英 苏永福 吕秀华 卢海燕 姜宏伟 崔金凤 谭志明 邱丽娟
侯振山 邵玉芬 孟凡超 孔令军 颜丽萍 曾宪文 仲玉洁 房立勇 葛淑敏 武长青'''.split()
assert len(resident_names) == 60 and len(set(resident_names)) == 60
residents = []
rphone = iter('1380002%04d' % i for i in range(1, 10000))
used = set()
for name in resident_names:
    while True:
        # older residents more often in 六四小区
        b = rnd.choice(B[:13]) if rnd.random() < 0.2 else rnd.choices(B, weights=[x['units'] * x['floors'] for x in B])[0]
        unit = rnd.randint(1, b['units'])
        floor = rnd.randint(1, b['floors'])
        side = rnd.randint(0, 1)
        key = (b['n'], unit, floor, side)
        if key not in used and not (b['n'] == 3 and unit == 1 and floor == 3 and side == 1):
            used.add(key); break
    residents.append({'name': name, 'phone': next(rphone), 'building': '%d号楼' % b['n'],
                      'unit': unit, 'room': room_for(b, unit, floor, side)})

organisations = [
  {'name': '许庄街道新时代文明实践所', 'notes': '街道新时代文明实践阵地，统筹辖区志愿服务'},
  {'name': '京杭佳苑社区新时代文明实践站', 'notes': '邻近社区的新时代文明实践站'},
  {'name': '济宁雷锋纪念馆', 'notes': '学雷锋活动共建单位'},
  {'name': '济宁伏羲文化学会', 'notes': '传统文化共建单位'},
  {'name': '济宁市奔跑公益发展中心', 'notes': '公益组织，志愿服务共建单位'},
  {'name': '济宁市红色石刻馆', 'notes': '红色教育共建单位'},
  {'name': '济宁龙翔武术培训中心', 'notes': '武术培训机构，文体活动共建单位'},
  {'name': '济宁北湖省级旅游度假区公安分局', 'notes': '反诈宣传组织单位'},
  {'name': '济宁市公安局反诈中心', 'notes': '反诈宣传组织单位'},
  {'name': '济宁医学院', 'notes': '高校，反诈宣传进校园活动地点'},
  {'name': '东方御园物业服务中心', 'contact': '于明辉', 'phone': '13800003001',
   'notes': '小区物业公司（名称虚构）。原物业管理不到位，经居委会牵头走访入户、征询居民意见后更换。'},
]

vols = [
  ('孔祥林', '书法、党史宣讲', '退休教师，党建文化长廊义务讲解员'),
  ('马丽娜', '量血压、健康咨询', '退休护士'),
  ('张德顺', '水电维修', None),
  ('刘桂珍', '义务理发', None),
  ('陈晓峰', '摄影、视频制作', None),
  ('杨秀娥', '文艺演出、广场舞', None),
  ('王建民', '家电维修', None),
  ('朱海燕', '心理疏导', '国家三级心理咨询师'),
  ('孙立强', '法律咨询', '退休法律工作者，和为贵调解室调解员'),
  ('李梦瑶', '手机使用教学、反诈宣传', '大学生志愿者'),
  ('郑雨涵', '少儿课业辅导', '大学生志愿者'),
  ('颜廷海', '武术、太极拳', None),
  ('周桂香', '垃圾分类宣传', '楼长'),
  ('吴广才', '治安巡逻', '平安志愿者'),
  ('赵淑兰', '助老陪护', None),
  ('沈建华', '环境整治', '党员先锋岗'),
  ('黄丽君', '反诈宣传', None),
  ('宁志诚', '电动车停放劝导', None),
  ('付秀梅', '助餐、包饺子', None),
  ('史宏亮', '电工', None),
  ('蔡玉兰', '手工编织、文化长廊讲解', None),
  ('邢少华', '驾驶、物资运送', None),
  ('秦佳怡', '活动签到、摄影', '中学生志愿者'),
  ('白凤英', '邻里调解', '楼长'),
  ('尹庆丰', '环境巡查', '楼长'),
  ('任思彤', '宣传海报设计', '大学生志愿者'),
]
vphone = iter('1380001%04d' % i for i in range(1, 10000))
volunteers = [{'name': n, 'phone': next(vphone), 'skills': s, 'number': 'XZ-DF-%04d' % (i + 1), 'notes': note}
              for i, (n, s, note) in enumerate(vols)]

sources = [
  {'name': '网格巡查', 'weight': 24, 'anonymous': 70},
  {'name': '居民来电', 'weight': 26, 'anonymous': 0},
  {'name': '来访', 'weight': 14, 'anonymous': 0},
  {'name': '民情"5"来听', 'weight': 14, 'anonymous': 10},
  {'name': '12345转办', 'weight': 12, 'anonymous': 40},
]

exec(open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), 'templates.py'), encoding='utf-8').read())

data = {
  'comment': '东方御园社区演示数据，据一篇报纸报道改编：社区、街道和合作单位名称取自报道；'
             '网格边界、楼栋位置、人员姓名和电话均为虚构示意，电话号码形如1380000xxxx。',
  'community': community,
  'grids': grids,
  'workers': workers,
  'buildings': buildings,
  'places': places,
  'residents': residents,
  'organisations': organisations,
  'volunteers': volunteers,
  'sources': sources,
  'case_templates': templates,
  'case_texts': case_texts,
  'article_cases': article_cases,
  'activities': activities,
  'outreach': outreach,
}

text = json.dumps(data, ensure_ascii=False, indent=2)
# One line per ring, one short line per list of strings of the grids and
# workers: easier to read and diff.
def compact(m):
    return json.dumps(json.loads(m.group(0)), ensure_ascii=False).replace('],[', '], [').replace(',', ', ').replace(',  ', ', ')
text = re.sub(r'\[\s*\[\s*\[[-0-9.,\s\[\]]*\]\s*\]\s*\]', lambda m: json.dumps(json.loads(m.group(0))), text)
text = re.sub(r'\[(\s*"[^"\n]*",?)+\s*\]', lambda m: json.dumps(json.loads(m.group(0)), ensure_ascii=False), text)
text = re.sub(r'\[(\s*-?[0-9.]+,?)+\s*\]', lambda m: json.dumps(json.loads(m.group(0))), text)
import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'demo', 'dongfang-yuyuan.json')
open(out, 'w', encoding='utf-8').write(text + '\n')
