-- wrk script: each request a different Japanese search, cycling through words of the demo and
-- everyday words, so the analyser reads across its dictionary as real visitors make it.
local words = {
  "気候変動", "脱炭素", "とうきょう", "自治体", "再生可能エネルギー", "ゼロカーボン", "国際会議",
  "都市", "連携", "会員", "会費", "申し込み", "地域", "循環経済", "生物多様性", "適応", "防災",
  "交通", "建物", "省エネ", "水素", "森林", "海洋", "食品ロス", "市長", "知事", "フォーラム",
  "セッション", "ロードマップ", "ネットワーク",
}
local counter = 0

local function encode(text)
  return (text:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local word = words[(counter % #words) + 1]
  return wrk.format("GET", "/ja/search/?q=" .. encode(word))
end
