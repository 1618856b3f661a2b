/**
 * The demo's newspaper: an invented province (Sơn Hà), an invented paper and invented stories.
 * No real person, place or quotation — the page exists to show the widget in its setting.
 */
export const PAPER = {
  name: 'Báo Sơn Hà',
  tagline: 'Cơ quan ngôn luận của tỉnh Sơn Hà (tờ báo hư cấu dùng để minh họa)',
  sections: ['Thời sự', 'Kinh tế', 'Xã hội', 'Văn hóa', 'Thể thao', 'Bạn đọc'],
};

export const MAIN_ARTICLE = {
  id: 'demo-khac-phuc-lu-tan-phong',
  section: 'Xã hội',
  title: 'Tân Phong thông tuyến đường liên xã sau trận lũ lịch sử',
  lead:
    'Sau gần hai tuần khắc phục hậu quả mưa lũ, tuyến đường liên xã nối Tân Phong với trung tâm huyện ' +
    'đã thông xe trở lại. Người dân bắt đầu dọn dẹp nhà cửa, khôi phục sản xuất trước vụ đông.',
  paragraphs: [
    'Trận lũ giữa tháng Mười khiến nước sông Lam Thủy dâng cao hơn ba mét trong một đêm, làm ngập ' +
      'hơn 400 ngôi nhà ở các thôn ven sông của xã Tân Phong. Đoạn đường dài gần hai cây số qua dốc ' +
      'Đá Bàn bị sạt lở, đất đá vùi lấp mặt đường, cô lập nhiều thôn vùng cao suốt sáu ngày.',
    'Ngay khi nước rút, xã huy động lực lượng dân quân, đoàn viên thanh niên cùng máy xúc của các ' +
      'doanh nghiệp trên địa bàn dọn bùn đất, gia cố tạm taluy âm. Những đoạn hư hỏng nặng được rải đá ' +
      'cấp phối để xe cứu trợ và xe chở nông sản có thể đi lại.',
    '“Có đường là có tất cả. Hàng cứu trợ vào được, rau màu của bà con cũng ra được chợ huyện,” một ' +
      'cán bộ giao thông của xã cho biết khi đứng cạnh đoạn kè vừa được đắp lại.',
    'Theo kế hoạch của huyện, đoạn đường qua dốc Đá Bàn sẽ được khảo sát để xây kè kiên cố và mở rộng ' +
      'rãnh thoát nước trước mùa mưa năm sau. Trong lúc chờ, xã bố trí người trực ở các điểm có nguy cơ ' +
      'sạt lở và cắm biển cảnh báo cho người đi đường.',
    'Tại các thôn ven sông, nhiều hộ gia đình đã dọn xong bùn đất, phơi lại thóc giống và sửa chuồng ' +
      'trại. Hội Nông dân xã phối hợp với trạm khuyến nông hỗ trợ giống rau vụ đông để bà con sớm ổn ' +
      'định sản xuất.',
  ],
  photoCaption: 'Lực lượng dân quân và người dân dọn đất đá trên tuyến đường qua dốc Đá Bàn. (Ảnh minh họa)',
  author: 'Minh Khang',
};

/** Related stories ("CÁC TIN KHÁC") and the 30 of the listing page share this list. */
export const OTHER_TITLES = [
  'Sơn Hà hỗ trợ giống rau vụ đông cho các xã vùng lũ',
  'Khởi công cầu treo bản Nậm Khê, học sinh sắp hết cảnh lội suối',
  'Chợ phiên Lũng Vân rộn ràng trở lại sau mùa mưa bão',
  'Huyện Đông Sơn ra quân làm sạch kênh mương nội đồng',
  'Hợp tác xã chè Tân Lập giới thiệu sản phẩm OCOP mới',
  'Giải bóng chuyền hơi người cao tuổi toàn tỉnh khép lại',
  'Thư viện tỉnh mở thêm tủ sách lưu động cho trường vùng cao',
  'Nông dân Hòa Bình Thượng thu hoạch cam sớm, giá ổn định',
  'Tỉnh đoàn phát động chương trình “Áo ấm mùa đông”',
  'Trạm y tế xã Phú Lộc được trang bị máy siêu âm mới',
  'Lễ hội đền Bà Chúa Kho được công nhận di sản cấp tỉnh',
  'Mở lớp dạy nghề đan lát miễn phí cho phụ nữ dân tộc thiểu số',
  'Thành phố Sơn Hà lắp thêm 200 đèn chiếu sáng ngõ xóm',
  'Cảnh báo lừa đảo qua điện thoại mạo danh cơ quan thuế',
  'Học sinh Sơn Hà đoạt hai giải nhì cuộc thi khoa học kỹ thuật',
  'Đề xuất nâng cấp quốc lộ qua đèo Mây Trắng',
  'Người dân Bản Chiềng góp đất mở rộng đường vào bản',
  'Bệnh viện tỉnh khám miễn phí cho người cao tuổi',
  'Làng gốm Thanh Xuyên tất bật vào mùa hàng Tết',
  'Ra mắt câu lạc bộ đọc sách thiếu nhi ở phường Đông Thành',
  'Xây dựng mô hình nuôi cá lồng trên hồ Kẻ Gỗ Nhỏ',
  'Nghiệm thu công trình nước sạch liên xã Trung Sơn',
  'Giải chạy “Vì người nghèo” thu hút hơn 3.000 vận động viên',
  'Tỉnh tổ chức đối thoại với doanh nghiệp nhỏ và vừa',
  'Những cô giáo cắm bản ở điểm trường Phiêng Luông',
  'Mùa hoa tam giác mạch sớm trên cao nguyên đá',
  'Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể',
  'Hội thi nấu ăn dân tộc tại ngày hội văn hóa các dân tộc',
  'Xã Yên Hòa về đích nông thôn mới nâng cao',
];

export interface DemoArticle {
  id: string;
  title: string;
}

/** The main story plus 29 others: 30 ids for the listing page. */
export function demoArticles(): DemoArticle[] {
  return [
    { id: MAIN_ARTICLE.id, title: MAIN_ARTICLE.title },
    ...OTHER_TITLES.map((title, i) => ({ id: `demo-tin-${String(i + 1).padStart(2, '0')}`, title })),
  ];
}
