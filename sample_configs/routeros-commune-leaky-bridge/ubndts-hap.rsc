# sep/03/2026 08:41:17 by RouterOS 6.49.10
# software id = L9D2-4HXT
#
# model = RBD52G-5HacD2HnD
# serial number = C2A10B7E93F4
/interface bridge
add admin-mac=2C:C8:1B:4E:90:11 auto-mac=no comment=defconf name=bridge
/interface ethernet
set [ find default-name=ether1 ] comment="WAN - Viettel FTTH"
set [ find default-name=ether2 ] comment="Can bo - switch tang 1"
set [ find default-name=ether3 ] comment="Can bo - switch tang 2"
set [ find default-name=ether4 ] comment="May quan tri"
set [ find default-name=ether5 ] comment="AP Wifi hoi truong (khach)"
/interface vlan
add interface=bridge name=vlan40-khach vlan-id=40
/interface wireless security-profiles
set [ find default=yes ] supplicant-identity=MikroTik
add authentication-types=wpa2-psk eap-methods="" management-protection=\
    allowed mode=dynamic-keys name=canbo supplicant-identity="" \
    wpa2-pre-shared-key="ThanhSon!CanBo2025"
add authentication-types=wpa2-psk eap-methods="" management-protection=\
    allowed mode=dynamic-keys name=khach supplicant-identity="" \
    wpa2-pre-shared-key=thanhson123
/interface wireless
set [ find default-name=wlan1 ] band=2ghz-b/g/n channel-width=20/40mhz-XX \
    country=vietnam disabled=no distance=indoors frequency=auto installation=\
    indoor mode=ap-bridge security-profile=canbo ssid=UBND-ThanhSon \
    wireless-protocol=802.11 wps-mode=disabled
set [ find default-name=wlan2 ] band=5ghz-a/n/ac channel-width=\
    20/40/80mhz-XXXX country=vietnam disabled=no distance=indoors frequency=\
    auto installation=indoor mode=ap-bridge security-profile=canbo ssid=\
    UBND-ThanhSon-5G wireless-protocol=802.11 wps-mode=disabled
add disabled=no keepalive-frames=disabled mac-address=2E:C8:1B:4E:90:16 \
    master-interface=wlan1 multicast-buffering=disabled name=wlan-khach \
    security-profile=khach ssid="UBND Thanh Son - Khach" wds-cost-range=0 \
    wds-default-cost=0 wps-mode=disabled
/interface list
add comment=defconf name=WAN
add comment=defconf name=LAN
add comment="Wifi khach" name=GUEST
/ip hotspot profile
set [ find default=yes ] html-directory=flash/hotspot
/ip pool
add name=dhcp ranges=10.10.10.100-10.10.10.250
add name=pool-khach ranges=10.10.40.20-10.10.40.250
/ip dhcp-server
add address-pool=dhcp disabled=no interface=bridge lease-time=1d name=defconf
add address-pool=pool-khach disabled=no interface=vlan40-khach lease-time=2h \
    name=dhcp-khach
/interface bridge port
add bridge=bridge comment=defconf interface=ether2
add bridge=bridge comment=defconf interface=ether3
add bridge=bridge comment=defconf interface=ether4
add bridge=bridge comment="AP khach - VLAN 40" interface=ether5 pvid=40
add bridge=bridge comment=defconf interface=wlan1
add bridge=bridge comment=defconf interface=wlan2
add bridge=bridge comment="Wifi khach - VLAN 40" interface=wlan-khach pvid=40
/ip neighbor discovery-settings
set discover-interface-list=LAN
/interface bridge vlan
add bridge=bridge tagged=bridge untagged=ether5,wlan-khach vlan-ids=40
/interface list member
add comment=defconf interface=bridge list=LAN
add comment=defconf interface=ether1 list=WAN
add interface=vlan40-khach list=GUEST
/ip address
add address=10.10.10.1/24 comment=defconf interface=bridge network=10.10.10.0
add address=10.10.40.1/24 comment="Gateway wifi khach" interface=vlan40-khach \
    network=10.10.40.0
add address=203.0.113.22/30 comment="WAN Viettel" interface=ether1 network=\
    203.0.113.20
/ip dhcp-server network
add address=10.10.10.0/24 comment=defconf dns-server=10.10.10.1 gateway=\
    10.10.10.1
add address=10.10.40.0/24 dns-server=10.10.40.1 gateway=10.10.40.1
/ip dns
set allow-remote-requests=yes servers=203.113.131.1,203.113.188.1
/ip dns static
add address=10.10.10.1 comment=defconf name=router.lan
/ip firewall filter
add action=accept chain=input comment=\
    "defconf: accept established,related,untracked" connection-state=\
    established,related,untracked
add action=drop chain=input comment="defconf: drop invalid" connection-state=\
    invalid
add action=accept chain=input comment="defconf: accept ICMP" protocol=icmp
add action=accept chain=input comment="Khach: chi DNS, DHCP toi router" \
    dst-port=53,67 in-interface-list=GUEST protocol=udp
add action=drop chain=input comment="Khach: chan truy cap router" \
    in-interface-list=GUEST
add action=drop chain=input comment="defconf: drop all not coming from LAN" \
    in-interface-list=!LAN
add action=accept chain=forward comment="defconf: accept in ipsec policy" \
    ipsec-policy=in,ipsec
add action=accept chain=forward comment="defconf: accept out ipsec policy" \
    ipsec-policy=out,ipsec
add action=fasttrack-connection chain=forward comment="defconf: fasttrack" \
    connection-state=established,related
add action=accept chain=forward comment=\
    "defconf: accept established,related, untracked" connection-state=\
    established,related,untracked
add action=drop chain=forward comment="defconf: drop invalid" \
    connection-state=invalid
add action=drop chain=forward comment="Khach: chi ra Internet" \
    in-interface-list=GUEST out-interface-list=!WAN
add action=drop chain=forward comment="Chan tu mang noi bo vao wifi khach" \
    out-interface-list=GUEST
add action=drop chain=forward comment=\
    "defconf:  drop all from WAN not DSTNATed" connection-nat-state=!dstnat \
    connection-state=new in-interface-list=WAN
/ip firewall nat
add action=masquerade chain=srcnat comment="defconf: masquerade" \
    ipsec-policy=out,none out-interface-list=WAN
/ip route
add distance=1 gateway=203.0.113.21
/ip service
set telnet disabled=yes
set ftp disabled=yes
set api disabled=yes
set api-ssl disabled=yes
/system clock
set time-zone-name=Asia/Ho_Chi_Minh
/system identity
set name=UBNDTS-HAP
/system ntp client
set enabled=yes primary-ntp=203.162.4.190
/tool bandwidth-server
set enabled=no
/tool mac-server
set allowed-interface-list=LAN
/tool mac-server mac-winbox
set allowed-interface-list=LAN
